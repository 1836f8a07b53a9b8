package vn.congvan.registry;

import java.util.UUID;

/**
 * A document was revoked (thu hồi), with the reason given: frozen, it no longer counts as issued or
 * received.
 */
public record DocumentRevoked(UUID documentId, Direction direction, UUID unitId, String reason) {}
