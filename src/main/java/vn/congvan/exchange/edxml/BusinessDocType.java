package vn.congvan.exchange.edxml;

import java.util.Arrays;
import java.util.Optional;

/** What a package does to a document ({@code BussinessDocType}): sends it new, revokes, updates or replaces it. */
public enum BusinessDocType {
    NEW(0),
    REVOKE(1),
    UPDATE(2),
    REPLACE(3);

    private final int code;

    BusinessDocType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<BusinessDocType> ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
