package vn.congvan.exchange.outside;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.exchange.ExchangeAuditAction;
import vn.congvan.exchange.edxml.EdxmlStatus;
import vn.congvan.handling.RecipientState;
import vn.congvan.shared.DomainException;

/**
 * Applies a status package an outside recipient sent back to the document it reports on; a status
 * for a document this installation never sent there is kept with why, and changes nothing. A
 * recipient's answer to a revocation (15, 16) nobody asked it for, or a 13 (which only a sender
 * sends), is refused.
 */
@Component
public class ReceivedStatuses {

    /** What became of a received status. */
    public enum Outcome {
        APPLIED,
        UNKNOWN_DOCUMENT,
        NOT_A_RECIPIENT,
        REFUSED
    }

    private static final Map<String, String> STATES = Map.of(
            "01",
            "ARRIVED",
            "02",
            "REFUSED",
            "03",
            "REGISTERED",
            "04",
            "ASSIGNED",
            "05",
            "IN_PROGRESS",
            "06",
            "DONE",
            "15",
            "REVOKED",
            "16",
            "REVOKE_REFUSED");

    private final JdbcClient jdbc;
    private final OutsideDeliveries deliveries;
    private final AuditTrail audit;
    private final Clock clock;

    ReceivedStatuses(JdbcClient jdbc, OutsideDeliveries deliveries, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    /** Our outgoing document the status reports on, by its edXML DocumentId, when there is one. */
    public Optional<UUID> documentOf(EdxmlStatus status) {
        return jdbc.sql("select id from registry_document_facts where edxml_document_id = ? and is_outgoing limit 1")
                .param(status.responseFor().documentId())
                .query(UUID.class)
                .optional();
    }

    /** A received status that was kept without being applied, for the exchange console. */
    public record Unapplied(
            String documentId, String fromOrganId, String statusCode, String outcome, java.time.Instant receivedAt) {}

    /** The latest statuses received for documents never sent, or from bodies that were not recipients. */
    public java.util.List<Unapplied> unapplied(int limit) {
        return jdbc.sql("""
                        select edxml_document_id, from_organ_id, status_code, outcome, received_at from received_status
                        where outcome <> 'APPLIED' order by received_at desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Unapplied(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Why the status must be refused, when it must: a 13 is a sender's request, not an answer, and a 15 or 16
     * answers a revocation only when this installation asked that recipient to revoke (13) and awaits its answer.
     */
    public Optional<DomainException> refusal(EdxmlStatus status) {
        if (status.statusCode().equals("13")) {
            return Optional.of(DomainException.conflict("exchange.status.not-an-answer"));
        }
        if (!status.answersARevocation()) {
            return Optional.empty();
        }
        boolean asked = documentOf(status)
                .flatMap(id -> deliveries.of(id).stream()
                        .filter(d -> status.from().organId().equals(d.organId()))
                        .findFirst())
                .map(d -> d.state().equals("REVOKE_REQUESTED"))
                .orElse(false);
        return asked
                ? Optional.empty()
                : Optional.of(DomainException.conflict(
                        "exchange.status.revocation-not-asked",
                        status.statusCode(),
                        status.from().organId()));
    }

    public Outcome apply(EdxmlStatus status, @Nullable UUID inboxId) {
        Optional<UUID> documentId = documentOf(status);
        Outcome outcome;
        if (documentId.isEmpty()) {
            outcome = Outcome.UNKNOWN_DOCUMENT;
        } else {
            Optional<RecipientState> delivery =
                    deliveries.lock(documentId.get(), status.from().organId());
            if (delivery.isEmpty()) {
                outcome = Outcome.NOT_A_RECIPIENT;
            } else if (refusal(status).isPresent()) {
                outcome = Outcome.REFUSED;
            } else {
                outcome = Outcome.APPLIED;
                move(delivery.get(), status);
            }
        }
        jdbc.sql("""
                        insert into received_status (id, inbox_id, edxml_document_id, from_organ_id, status_code,
                          description, outcome, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        inboxId,
                        status.responseFor().documentId(),
                        status.from().organId(),
                        status.statusCode(),
                        status.description(),
                        outcome.name(),
                        Timestamp.from(clock.instant()))
                .update();
        return outcome;
    }

    private void move(RecipientState d, EdxmlStatus status) {
        String state = STATES.get(status.statusCode());
        if (state == null || status.statusCode().equals(d.statusCode())) {
            return;
        }
        String reason = status.description().isBlank() ? null : status.description();
        deliveries.moved(d.deliveryId(), state, status.statusCode(), reason, clock.instant());
        audit.record(new AuditEntry(
                ExchangeAuditAction.OUTSIDE_STATUS,
                "document",
                d.documentId().toString(),
                null,
                null,
                status.from().organName().isBlank()
                        ? status.from().organId()
                        : status.from().organName(),
                Map.of("recipient", d.recipientName(), "statusCode", status.statusCode())));
    }
}
