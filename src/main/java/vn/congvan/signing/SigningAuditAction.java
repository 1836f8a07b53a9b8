package vn.congvan.signing;

import vn.congvan.audit.AuditAction;

/**
 * What the signing module records in the audit trail (signatures, seals, certificates and their images). The values are
 * hashed into the chain and named by the labels {@code audit.action.<value>}: never change one.
 */
public enum SigningAuditAction implements AuditAction {
    SIGNATURE_APPLIED("signature.applied"),
    FILE_SEALED("signature.file-sealed"),
    CERTIFICATE_ENROLLED("certificate.enrolled"),
    CERTIFICATE_REGISTERED("certificate.registered"),
    DEMO_CERTIFICATES_ISSUED("certificates.demo-issued"),
    SIGNATURE_IMAGE_UPLOADED("signature-image.uploaded"),
    SEAL_IMAGE_UPLOADED("seal-image.uploaded");

    private final String value;

    SigningAuditAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
