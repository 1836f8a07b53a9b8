package vn.congvan.exchange.edxml;

/** Who signed the document (người ký): competence (thẩm quyền, e.g. "TL. BỘ TRƯỞNG"), position and name. */
public record SignerInfo(String competence, String position, String fullName) {

    public static final SignerInfo NONE = new SignerInfo("", "", "");
}
