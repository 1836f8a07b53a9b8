package vn.congvan.handling;

/** Where the handling of an incoming document stands. */
public enum CaseState {
    /** Registered, not yet presented to a leader (chờ trình). */
    REGISTERED,
    /** Presented to a leader, waiting for their assignment (chờ phân công). */
    PRESENTED,
    /** Assigned to a lead, not yet started (đã phân công). */
    ASSIGNED,
    /** The lead has recorded progress (đang xử lý). */
    IN_PROGRESS,
    /** Sent back by the lead to whoever assigned it, with a reason (trả lại). */
    RETURNED,
    /** Handled (hoàn thành). */
    DONE,
    /** Refused on arrival by the clerk, with a reason for the sender (từ chối). */
    REFUSED;

    public boolean open() {
        return this != DONE && this != REFUSED;
    }

    /**
     * The edXML status a sender is told when the handling reaches this state (04 assigned, 05 being
     * handled, 06 done, 02 refused); null for the states the sender is not told of.
     */
    public @org.jspecify.annotations.Nullable String statusCode() {
        return switch (this) {
            case ASSIGNED -> "04";
            case IN_PROGRESS -> "05";
            case DONE -> "06";
            case REFUSED -> "02";
            default -> null;
        };
    }

    public String messageKey() {
        return "handling.state." + name();
    }
}
