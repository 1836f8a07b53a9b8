package vn.congvan.storage.quota;

import vn.congvan.audit.AuditAction;

/**
 * What the storage module records in the audit trail. The values are hashed into the chain and named
 * by the labels {@code audit.action.<value>}: never change one.
 */
public enum StorageAuditAction implements AuditAction {
    QUOTA_SET("storage.quota.set"),
    QUOTA_REMOVED("storage.quota.removed");

    private final String value;

    StorageAuditAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
