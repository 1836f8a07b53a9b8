package vn.congvan.handling;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where an issued document stands at one recipient, a unit of the installation or a body outside it
 * reached through the exchange axis ({@code recipientUnitId} null, {@code organId} its code), with
 * the edXML status code ({@code 01} arrived, {@code 02} refused, {@code 03} registered, {@code 04}
 * assigned, {@code 05} in progress, {@code 06} done, {@code 13} revocation requested, {@code 15}
 * revoked, {@code 16} revocation refused); no code yet while it waits to be sent.
 */
public record RecipientState(
        UUID deliveryId,
        UUID documentId,
        @Nullable UUID recipientUnitId,
        @Nullable String organId,
        String recipientName,
        String state,
        @Nullable String statusCode,
        @Nullable UUID incomingDocumentId,
        @Nullable String reason,
        Instant sentAt,
        Instant changedAt) {

    public String stateKey() {
        return "handling.delivery.state." + state;
    }
}
