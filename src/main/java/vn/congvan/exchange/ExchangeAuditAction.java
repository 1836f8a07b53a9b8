package vn.congvan.exchange;

import vn.congvan.audit.AuditAction;

/**
 * What the exchange module records in the audit trail (electronic arrivals, sending outside, the axis client and the hub). The values are
 * hashed into the chain and named by the labels {@code audit.action.<value>}: never change one.
 */
public enum ExchangeAuditAction implements AuditAction {
    ARRIVED("exchange.arrived"),
    ARRIVAL_REGISTERED("exchange.registered"),
    ARRIVAL_REFUSED("exchange.refused"),
    REVOCATION_ACCEPTED("exchange.revocation-accepted"),
    REVOCATION_REFUSED("exchange.revocation-refused"),
    SENT_OUTSIDE("document.sent-outside"),
    REVOCATION_SENT_OUTSIDE("document.revoke-sent-outside"),
    OUTSIDE_STATUS("delivery.outside-status"),
    AXIS_PACKAGE_RECEIVED("exchange.axis.package-received"),
    AXIS_PACKAGE_SENT("exchange.axis.package-sent"),
    AXIS_PACKAGE_REFUSED("exchange.axis.package-refused"),
    HUB_ORGANS_ALLOWED("exchange.hub.organs-allowed"),
    HUB_AGENCIES_PUBLISHED("exchange.hub.agencies-published"),
    HUB_PACKAGE_ACCEPTED("exchange.hub.package-accepted");

    private final String value;

    ExchangeAuditAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
