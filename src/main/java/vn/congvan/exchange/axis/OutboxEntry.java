package vn.congvan.exchange.axis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A package of the outbox (hộp thư đi) as the exchange console shows it: its state, the attempts
 * made, when the next one is due, the last error and the id the hub gave it once accepted.
 */
public record OutboxEntry(
        UUID id,
        AxisPackageKind kind,
        String documentId,
        List<String> recipients,
        @Nullable String localReference,
        String sha256,
        long size,
        OutboxState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable String hubId,
        Instant enqueuedAt,
        @Nullable Instant sentAt) {

    public OutboxEntry {
        recipients = List.copyOf(recipients);
    }
}
