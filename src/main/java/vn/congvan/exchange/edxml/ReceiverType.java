package vn.congvan.exchange.edxml;

import java.util.Optional;

/** Whether an update removes a recipient (0) or adds one (1). */
public enum ReceiverType {
    REMOVED,
    ADDED;

    public int code() {
        return ordinal();
    }

    public static Optional<ReceiverType> ofCode(int code) {
        return code == 0 || code == 1 ? Optional.of(values()[code]) : Optional.empty();
    }
}
