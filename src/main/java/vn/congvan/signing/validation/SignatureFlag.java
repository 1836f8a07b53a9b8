package vn.congvan.signing.validation;

/** What a document list says of a document whose signatures are not all right. */
public enum SignatureFlag {
    /** A signed file is no longer what was signed: changed after signing, tampered, data appended. */
    ALTERED,
    /** A signature is invalid for another reason, e.g. a revoked certificate. */
    INVALID
}
