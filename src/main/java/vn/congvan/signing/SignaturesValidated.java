package vn.congvan.signing;

/** The signatures of a PDF content (its SHA-256) were validated, first or again, and the verdict kept. */
public record SignaturesValidated(String sha256, SignatureVerdict verdict) {}
