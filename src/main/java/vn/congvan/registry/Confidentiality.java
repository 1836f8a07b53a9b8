package vn.congvan.registry;

/** Độ mật: secret documents have their own number series and are read only by explicit grant. */
public enum Confidentiality {
    NONE,
    /** Mật. */
    SECRET,
    /** Tối mật. */
    TOP_SECRET,
    /** Tuyệt mật. */
    ABSOLUTE_SECRET;

    public boolean isSecret() {
        return this != NONE;
    }

    public String messageKey() {
        return "registry.confidentiality." + name();
    }
}
