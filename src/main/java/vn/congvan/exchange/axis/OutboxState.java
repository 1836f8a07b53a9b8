package vn.congvan.exchange.axis;

/**
 * Where a package of the outbox stands: waiting its turn (or a retry), being sent, accepted by
 * the hub, or refused by it for good.
 */
public enum OutboxState {
    QUEUED,
    SENDING,
    SENT,
    FAILED
}
