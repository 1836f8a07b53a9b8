package vn.congvan.handling;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where an issued document stands at one recipient unit of the installation, with the edXML status
 * code ({@code 01} arrived, {@code 02} refused, {@code 03} registered, {@code 04} assigned,
 * {@code 05} in progress, {@code 06} done).
 */
public record RecipientState(
        UUID deliveryId,
        UUID documentId,
        UUID recipientUnitId,
        String recipientName,
        String state,
        String statusCode,
        @Nullable UUID incomingDocumentId,
        @Nullable String reason,
        Instant sentAt,
        Instant changedAt) {

    public String stateKey() {
        return "handling.delivery.state." + state;
    }
}
