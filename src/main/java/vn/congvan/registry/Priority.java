package vn.congvan.registry;

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

    public boolean isUrgent() {
        return this != NORMAL;
    }

    public String messageKey() {
        return "registry.priority." + name();
    }
}
