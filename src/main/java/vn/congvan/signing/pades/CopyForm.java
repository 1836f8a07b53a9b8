package vn.congvan.signing.pades;

/** The forms of an electronic copy (bản sao), printed in its signature. */
public enum CopyForm {
    SAO_Y("SAO Y"),
    SAO_LUC("SAO LỤC"),
    TRICH_SAO("TRÍCH SAO");

    private final String printed;

    CopyForm(String printed) {
        this.printed = printed;
    }

    public String printed() {
        return printed;
    }
}
