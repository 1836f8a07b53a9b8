package vn.congvan.registry;

import com.fasterxml.jackson.annotation.JsonValue;

/** Độ khẩn, numbered as edXML {@code Priority}: 0 thường … 3 hỏa tốc, 4 hỏa tốc hẹn giờ. */
public enum Priority {
    NORMAL,
    /** Khẩn. */
    URGENT,
    /** Thượng khẩn. */
    VERY_URGENT,
    /** Hỏa tốc. */
    FLASH,
    /** Hỏa tốc hẹn giờ. */
    FLASH_TIMED;

    /** The number edXML and the database give it. */
    @JsonValue
    public int code() {
        return ordinal();
    }

    /** The priority a stored or transmitted number stands for (0–4). */
    public static Priority ofCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("No priority is numbered " + code);
        }
        return values()[code];
    }

    public boolean isUrgent() {
        return this != NORMAL;
    }

    public String messageKey() {
        return "registry.priority." + name();
    }
}
