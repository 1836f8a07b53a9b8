package vn.congvan.registry;

/** Where a document stands in the registry. */
public enum DocumentStatus {
    /** An incoming document registered with its arrival number. */
    REGISTERED,
    /** An outgoing document numbered and issued. */
    ISSUED;

    public String messageKey() {
        return "registry.status." + name();
    }
}
