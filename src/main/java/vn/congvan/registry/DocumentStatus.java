package vn.congvan.registry;

/** Where a document stands in the registry. */
public enum DocumentStatus {
    /** An incoming document registered with its arrival number. */
    REGISTERED,
    /** An outgoing document numbered and issued. */
    ISSUED,
    /** An outgoing document approved, waiting to be signed, numbered and issued (chờ phát hành). */
    PREPARED,
    /** Revoked (thu hồi): frozen, nothing more is done with it. */
    REVOKED;

    public String messageKey() {
        return "registry.status." + name();
    }
}
