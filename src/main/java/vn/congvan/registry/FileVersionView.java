package vn.congvan.registry;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One content a document's file had: version 1 is the file as registered, each later version
 * was made from the one before, e.g. by a signature ({@code reason} {@code "signature.personal"}).
 */
public record FileVersionView(
        UUID fileId,
        int version,
        String sha256,
        long size,
        String reason,
        @Nullable UUID createdBy,
        Instant createdAt) {}
