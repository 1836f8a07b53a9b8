package vn.congvan.handling;

import vn.congvan.audit.AuditAction;

/**
 * What the handling module records in the audit trail (incoming cases, drafts, approval routes and deliveries). The values are
 * hashed into the chain and named by the labels {@code audit.action.<value>}: never change one.
 */
public enum HandlingAuditAction implements AuditAction {
    PRESENTED("handling.presented"),
    ASSIGNED("handling.assigned"),
    DELEGATED("handling.delegated"),
    PROGRESS("handling.progress"),
    OPINION("handling.opinion"),
    RETURNED("handling.returned"),
    COMPLETED("handling.completed"),
    REFUSED("handling.refused"),
    ROUTE_SET("handling.route.set"),
    ABSENCE_RECORDED("handling.absence.recorded"),
    DRAFT_CREATED("draft.created"),
    DRAFT_VERSION_ADDED("draft.version.added"),
    DRAFT_COMMENTED("draft.commented"),
    DRAFT_SUBMITTED("draft.submitted"),
    DRAFT_APPROVED("draft.approved"),
    DRAFT_RETURNED("draft.returned"),
    DRAFT_ISSUED("draft.issued"),
    DRAFT_REVOKED("draft.revoked"),
    DOCUMENT_DELIVERED("document.delivered"),
    DOCUMENT_REPLACED("document.replaced"),
    RECIPIENTS_UPDATED("document.recipients.updated"),
    DELIVERY_REGISTERED("delivery.registered"),
    DELIVERY_REFUSED("delivery.refused"),
    DELIVERY_REVOKED("delivery.revoked"),
    DELIVERY_REVOKE_REQUESTED("delivery.revoke-requested"),
    DELIVERY_REVOCATION_REFUSED("delivery.revocation-refused");

    private final String value;

    HandlingAuditAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
