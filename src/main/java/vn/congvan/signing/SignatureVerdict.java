package vn.congvan.signing;

/** The verdict on all the signatures of a PDF taken together. */
public enum SignatureVerdict {
    /** The PDF carries no signature. */
    UNSIGNED,
    /** Every signature is valid. */
    ALL_VALID,
    /** At least one signature is invalid: the file was altered, or a certificate was revoked. */
    SOME_INVALID,
    /** None is invalid, but at least one cannot be decided now (untrusted chain, revocation data unavailable…). */
    INDETERMINATE,
    /** Not checked: the PDF's streams decode past {@code congvan.pdf.max-decoded-size}. */
    TOO_LARGE
}
