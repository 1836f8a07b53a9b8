package vn.congvan.signing;

/** The verdict on one signature, as ETSI EN 319 102-1 names it. */
public enum SignatureResult {
    /** Valid: intact, by a trusted certificate that was not revoked, on a document unchanged since. */
    TOTAL_PASSED,
    /** Not decidable now: an untrusted chain, unavailable revocation data, an expired certificate… */
    INDETERMINATE,
    /** Invalid: the signed content or the signature was altered, or the certificate was revoked. */
    TOTAL_FAILED
}
