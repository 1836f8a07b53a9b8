package vn.congvan.handling.drafting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.handling.CaseState;
import vn.congvan.handling.HandlingAuditAction;
import vn.congvan.handling.RecipientState;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.Official;

/**
 * The deliveries of issued documents to the recipient units of the installation, each following
 * the recipient's handling with the edXML status codes.
 */
@Component
class Deliveries {

    private static final String SELECT = """
            select dl.*, u.name as recipient_name, u.organ_id
            from delivery dl join directory_units u on u.id = dl.recipient_unit_id""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Deliveries(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Delivers the issued document to each of its recipients that is a unit of the installation, once. */
    int deliver(DocumentView issued, Instant at) {
        return deliverNew(issued, at).size();
    }

    /** As {@link #deliver}; the units it reached now, not those it had reached before. */
    List<UUID> deliverNew(DocumentView issued, Instant at) {
        List<UUID> reached = new java.util.ArrayList<>();
        for (DocumentView.RecipientView r : issued.recipients()) {
            UUID unit = r.unitId();
            if (unit == null || unit.equals(issued.unitId())) {
                continue;
            }
            int inserted = jdbc.sql("""
                            insert into delivery (id, document_id, recipient_unit_id, state, status_code, sent_at, changed_at)
                            values (?, ?, ?, 'ARRIVED', '01', ?, ?) on conflict (document_id, recipient_unit_id) do nothing""")
                    .params(UUID.randomUUID(), issued.id(), unit, Timestamp.from(at), Timestamp.from(at))
                    .update();
            if (inserted > 0) {
                reached.add(unit);
            }
        }
        return reached;
    }

    List<RecipientState> ofDocument(UUID documentId) {
        return jdbc.sql(SELECT + " where dl.document_id = ? order by u.name")
                .param(documentId)
                .query(Deliveries::map)
                .list();
    }

    /** What arrived for the units and waits for their clerk, oldest first. */
    List<RecipientState> arrivedFor(UUID[] unitIds) {
        return jdbc.sql(SELECT + " where dl.recipient_unit_id = any(?) and dl.state = 'ARRIVED' order by dl.sent_at")
                .param(unitIds)
                .query(Deliveries::map)
                .list();
    }

    Optional<RecipientState> find(UUID deliveryId) {
        return jdbc.sql(SELECT + " where dl.id = ?")
                .param(deliveryId)
                .query(Deliveries::map)
                .optional();
    }

    Optional<RecipientState> lock(UUID deliveryId) {
        jdbc.sql("select id from delivery where id = ? for update")
                .param(deliveryId)
                .query(UUID.class)
                .optional();
        return jdbc.sql(SELECT + " where dl.id = ?")
                .param(deliveryId)
                .query(Deliveries::map)
                .optional();
    }

    void registered(UUID deliveryId, UUID incomingDocumentId, Instant at) {
        jdbc.sql("""
                        update delivery set state = 'REGISTERED', status_code = '03', incoming_document_id = ?, changed_at = ?
                        where id = ?""").params(incomingDocumentId, Timestamp.from(at), deliveryId).update();
    }

    void refused(UUID deliveryId, String reason, Instant at) {
        jdbc.sql("update delivery set state = 'REFUSED', status_code = '02', reason = ?, changed_at = ? where id = ?")
                .params(reason, Timestamp.from(at), deliveryId)
                .update();
    }

    /** The recipient's handling of its copy moved on: the sender sees the new state. */
    void follow(UUID incomingDocumentId, CaseState state, @Nullable String reason, Instant at) {
        if (state.statusCode() == null) {
            return;
        }
        jdbc.sql("""
                        update delivery set state = ?, status_code = ?, reason = coalesce(?, reason), changed_at = ?
                        where incoming_document_id = ? and state not in ('REVOKED', 'REVOKE_REQUESTED')""")
                .params(state.name(), state.statusCode(), reason, Timestamp.from(at), incomingDocumentId)
                .update();
    }

    /**
     * The sender revoked the document: what has not been registered leaves the recipients' trays
     * (15), registered copies are asked to be revoked (13) and wait for their clerk's answer.
     * Answers the recipients that followed, as they stood before.
     */
    List<RecipientState> revoke(UUID documentId, String reason, Official by, Instant at) {
        return revoke(documentId, null, reason, by, at);
    }

    /** As above, for one recipient unit only, or for all when {@code recipientUnitId} is null. */
    List<RecipientState> revoke(
            UUID documentId, @Nullable UUID recipientUnitId, String reason, Official by, Instant at) {
        List<RecipientState> followed = new java.util.ArrayList<>();
        for (RecipientState d : ofDocument(documentId)) {
            if (d.state().equals("REVOKED")
                    || d.state().equals("REFUSED")
                    || d.state().equals("REVOKE_REQUESTED")
                    || (recipientUnitId != null && !recipientUnitId.equals(d.recipientUnitId()))) {
                continue;
            }
            boolean registered = d.incomingDocumentId() != null;
            jdbc.sql("update delivery set state = ?, status_code = ?, reason = ?, changed_at = ? where id = ?")
                    .params(
                            registered ? "REVOKE_REQUESTED" : "REVOKED",
                            registered ? "13" : "15",
                            reason,
                            Timestamp.from(at),
                            d.deliveryId())
                    .update();
            HandlingAuditAction action =
                    registered ? HandlingAuditAction.DELIVERY_REVOKE_REQUESTED : HandlingAuditAction.DELIVERY_REVOKED;
            audit.record(AuditEntry.by(
                    by,
                    action,
                    "document",
                    documentId.toString(),
                    d.recipientUnitId(),
                    Map.of("recipient", d.recipientName())));
            followed.add(d);
        }
        return followed;
    }

    /** Revocation requests waiting for the answer of the units' clerks, oldest first. */
    List<RecipientState> revocationRequestsFor(UUID[] unitIds) {
        return jdbc.sql(SELECT + " where dl.recipient_unit_id = any(?) and dl.state = 'REVOKE_REQUESTED'"
                        + " order by dl.changed_at")
                .param(unitIds)
                .query(Deliveries::map)
                .list();
    }

    /** The recipient's clerk answered the revocation request: accepted (15) or refused (16). */
    void revocationAnswered(UUID deliveryId, boolean accepted, @Nullable String reason, Instant at) {
        jdbc.sql("""
                        update delivery set state = ?, status_code = ?, reason = coalesce(?, reason), changed_at = ?
                        where id = ?""")
                .params(
                        accepted ? "REVOKED" : "REVOKE_REFUSED",
                        accepted ? "15" : "16",
                        reason,
                        Timestamp.from(at),
                        deliveryId)
                .update();
    }

    private static RecipientState map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RecipientState(
                rs.getObject("id", UUID.class),
                rs.getObject("document_id", UUID.class),
                rs.getObject("recipient_unit_id", UUID.class),
                rs.getString("organ_id"),
                rs.getString("recipient_name"),
                rs.getString("state"),
                rs.getString("status_code"),
                rs.getObject("incoming_document_id", UUID.class),
                rs.getString("reason"),
                rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("changed_at").toInstant());
    }
}
