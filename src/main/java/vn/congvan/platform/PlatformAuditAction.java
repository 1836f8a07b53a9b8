package vn.congvan.platform;

import vn.congvan.audit.AuditAction;

/**
 * What the platform module records in the audit trail (sign-ins and API tokens). The values are
 * hashed into the chain and named by the labels {@code audit.action.<value>}: never change one.
 */
public enum PlatformAuditAction implements AuditAction {
    SIGN_IN_SUCCEEDED("auth.sign-in.succeeded"),
    SIGN_IN_FAILED("auth.sign-in.failed"),
    SIGN_IN_THROTTLED("auth.sign-in.throttled"),
    TOKEN_REVOKED("auth.token.revoked");

    private final String value;

    PlatformAuditAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
