package vn.congvan.exchange.edxml;

/** The number and notation (số, ký hiệu) of a document, "7816" and "VPCP-TTĐT" in 7816/VPCP-TTĐT. */
public record DocumentCode(String number, String notation) {

    public static final DocumentCode NONE = new DocumentCode("", "");

    /** Reads the one-string form "number/notation"; text without a slash is a number alone. */
    public static DocumentCode parse(String code) {
        int slash = code.indexOf('/');
        return slash < 0
                ? new DocumentCode(code.strip(), "")
                : new DocumentCode(
                        code.substring(0, slash).strip(),
                        code.substring(slash + 1).strip());
    }

    @Override
    public String toString() {
        return notation.isEmpty() ? number : number + "/" + notation;
    }
}
