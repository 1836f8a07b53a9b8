package vn.congvan.registry;

import vn.congvan.audit.AuditAction;

/**
 * What the registry module records in the audit trail (registers, documents, grants and dossiers). The values are
 * hashed into the chain and named by the labels {@code audit.action.<value>}: never change one.
 */
public enum RegistryAuditAction implements AuditAction {
    INCOMING_REGISTERED("document.incoming.registered"),
    OUTGOING_PREPARED("document.outgoing.prepared"),
    OUTGOING_ISSUED("document.outgoing.issued"),
    DOCUMENT_REVOKED("document.revoked"),
    RECIPIENT_ADDED("document.recipient.added"),
    FILE_VERSION_ADDED("document.file.version-added"),
    ACCESS_GRANTED("document.access.granted"),
    ACCESS_WITHDRAWN("document.access.withdrawn"),
    REGISTER_OPENED("register.opened"),
    FILE_PLAN_ITEM_ADDED("fileplan.item.added"),
    DOSSIER_OPENED("dossier.opened"),
    DOSSIER_DOCUMENT_ADDED("dossier.document.added"),
    DOSSIER_DOCUMENT_REMOVED("dossier.document.removed"),
    DOSSIER_CLOSED("dossier.closed");

    private final String value;

    RegistryAuditAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
