package vn.congvan.registry;

import com.fasterxml.jackson.annotation.JsonValue;

/** Độ mật: secret documents have their own number series and are read only by explicit grant. */
public enum Confidentiality {
    NONE,
    /** Mật. */
    SECRET,
    /** Tối mật. */
    TOP_SECRET,
    /** Tuyệt mật. */
    ABSOLUTE_SECRET;

    /** The number the database and the API give it. */
    @JsonValue
    public int code() {
        return ordinal();
    }

    /** The confidentiality a stored or submitted number stands for (0–3). */
    public static Confidentiality ofCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("No confidentiality is numbered " + code);
        }
        return values()[code];
    }

    public boolean isSecret() {
        return this != NONE;
    }

    public String messageKey() {
        return "registry.confidentiality." + name();
    }
}
