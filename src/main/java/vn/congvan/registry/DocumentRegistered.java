package vn.congvan.registry;

import java.util.UUID;

/**
 * A document was registered: an incoming one got its arrival number, an outgoing one its number;
 * {@code urgent} when it is Khẩn or more.
 */
public record DocumentRegistered(
        UUID documentId,
        Direction direction,
        UUID unitId,
        int year,
        int number,
        boolean secret,
        boolean electronic,
        boolean urgent) {}
