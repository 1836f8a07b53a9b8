package vn.congvan.exchange.axis;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A package fetched from the hub (hộp thư đến), as the exchange console shows it. */
public record InboxEntry(
        UUID id,
        String hubId,
        AxisPackageKind kind,
        String documentId,
        String fromOrganId,
        String sha256,
        long size,
        InboxState state,
        @Nullable String reason,
        Instant receivedAt) {}
