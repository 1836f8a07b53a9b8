package vn.congvan.statistics;

import vn.congvan.audit.AuditAction;

/**
 * What the statistics module records in the audit trail (figures and monthly reports). The values are
 * hashed into the chain and named by the labels {@code audit.action.<value>}: never change one.
 */
public enum StatisticsAuditAction implements AuditAction {
    FIGURES_RECOMPUTED("statistics.recomputed"),
    REPORT_GENERATED("statistics.report.generated");

    private final String value;

    StatisticsAuditAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
