package vn.congvan.exchange.arrival;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.exchange.edxml.MessageHeader;

/** The electronic arrivals of the units, as rows. */
@Component
class ElectronicArrivalRecords {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ElectronicArrivalRecords(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /**
     * Marks a package fetched from the hub that is addressed to no unit here, for the IT officer's
     * console (the reason is kept in Vietnamese, as the hub's refusals are).
     */
    void addressedToNoUnit(UUID inboxId, List<String> organIds) {
        String reason = messages.getMessage(
                "exchange.arrival.unaddressed",
                new Object[] {String.join(", ", organIds)},
                Locale.forLanguageTag("vi"));
        jdbc.sql("update axis_inbox set reason = ? where id = ? and reason is null")
                .params(reason.length() > 500 ? reason.substring(0, 499) + "…" : reason, inboxId)
                .update();
    }

    /** Records the arrival; empty when the unit received this DocumentId before. */
    Optional<UUID> arrive(
            UUID unitId,
            @Nullable UUID inboxId,
            String sha256,
            long size,
            MessageHeader h,
            String verdict,
            @Nullable String detail,
            List<ElectronicArrival.Warning> warnings,
            Instant at) {
        UUID id = UUID.randomUUID();
        int added = jdbc.sql("""
                        insert into electronic_arrival (id, unit_id, inbox_id, package_sha256, package_size,
                          edxml_document_id, from_organ_id, from_organ_name, code_number, code_notation,
                          promulgation_date, type_name, subject, urgent, state, signature_verdict, signature_detail,
                          warnings, arrived_at, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ARRIVED', ?, ?, ?, ?, ?)
                        on conflict (unit_id, edxml_document_id) do nothing""")
                .params(
                        id,
                        unitId,
                        inboxId,
                        sha256,
                        size,
                        h.documentId(),
                        h.from().organId(),
                        cut(
                                h.from().organName().isBlank()
                                        ? h.from().organId()
                                        : h.from().organName(),
                                200),
                        blankToNull(h.code().number(), 20),
                        blankToNull(h.code().notation(), 100),
                        h.promulgationDate() == null ? null : Date.valueOf(h.promulgationDate()),
                        blankToNull(h.documentType().typeName(), 100),
                        cut(h.subject().isBlank() ? h.documentId() : h.subject(), 1000),
                        h.otherInfo().priority() >= 1,
                        verdict,
                        detail == null ? null : cut(detail, 2000),
                        cut(lines(warnings), 4000),
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
        return added == 1 ? Optional.of(id) : Optional.empty();
    }

    Optional<ElectronicArrival> find(UUID id) {
        return jdbc.sql("select * from electronic_arrival where id = ?")
                .param(id)
                .query(ElectronicArrivalRecords::map)
                .optional();
    }

    String packageSha256(UUID id) {
        return jdbc.sql("select package_sha256 from electronic_arrival where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    Optional<ElectronicArrival> lock(UUID id) {
        return jdbc.sql("select * from electronic_arrival where id = ? for update")
                .param(id)
                .query(ElectronicArrivalRecords::map)
                .optional();
    }

    Optional<ElectronicArrival> ofIncoming(UUID incomingDocumentId) {
        return jdbc.sql("select * from electronic_arrival where incoming_document_id = ?")
                .param(incomingDocumentId)
                .query(ElectronicArrivalRecords::map)
                .optional();
    }

    List<ElectronicArrival> sentAs(String documentId, String fromOrganId) {
        return jdbc.sql("select * from electronic_arrival where edxml_document_id = ? and from_organ_id = ? for update")
                .params(documentId, fromOrganId)
                .query(ElectronicArrivalRecords::map)
                .list();
    }

    /** What waits for the units' clerks: arrivals to register and revocations to answer, urgent first. */
    List<ElectronicArrival> waitingFor(UUID[] unitIds) {
        return jdbc.sql("""
                        select * from electronic_arrival where unit_id = any(?) and state in ('ARRIVED', 'REVOKE_REQUESTED')
                        order by urgent desc, arrived_at""").param(unitIds).query(ElectronicArrivalRecords::map).list();
    }

    /** Everything a unit received, the latest first. */
    List<ElectronicArrival> ofUnit(UUID unitId, int limit) {
        return jdbc.sql("select * from electronic_arrival where unit_id = ? order by arrived_at desc limit ?")
                .params(unitId, limit)
                .query(ElectronicArrivalRecords::map)
                .list();
    }

    void moved(UUID id, String state, @Nullable String reason, Instant at) {
        jdbc.sql("update electronic_arrival set state = ?, reason = coalesce(?, reason), changed_at = ? where id = ?")
                .params(state, reason, Timestamp.from(at), id)
                .update();
    }

    void registered(UUID id, UUID incomingDocumentId, Instant at) {
        jdbc.sql("""
                        update electronic_arrival set state = 'REGISTERED', incoming_document_id = ?, changed_at = ?
                        where id = ?""").params(incomingDocumentId, Timestamp.from(at), id).update();
    }

    void revocationRequested(UUID id, String reason, Instant at) {
        jdbc.sql("""
                        update electronic_arrival set state = 'REVOKE_REQUESTED', revoke_reason = ?, changed_at = ?
                        where id = ?""").params(cut(reason, 2000), Timestamp.from(at), id).update();
    }

    /** The warnings one "key|argument" a line; an argument keeps no line break. */
    private static String lines(List<ElectronicArrival.Warning> warnings) {
        StringBuilder text = new StringBuilder();
        for (ElectronicArrival.Warning w : warnings) {
            text.append(w.code())
                    .append('|')
                    .append(cut(w.argument().replaceAll("[\\r\\n]+", " "), 300))
                    .append('\n');
        }
        return text.toString();
    }

    private static List<ElectronicArrival.Warning> warnings(String lines) {
        return lines.lines()
                .filter(l -> !l.isBlank())
                .map(l -> {
                    int bar = l.indexOf('|');
                    return bar < 0
                            ? new ElectronicArrival.Warning(l, "")
                            : new ElectronicArrival.Warning(l.substring(0, bar), l.substring(bar + 1));
                })
                .toList();
    }

    private static @Nullable String blankToNull(String text, int max) {
        return text == null || text.isBlank() ? null : cut(text.strip(), max);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static ElectronicArrival map(ResultSet rs, int n) throws SQLException {
        Date promulgated = rs.getDate("promulgation_date");
        return new ElectronicArrival(
                rs.getObject("id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getString("edxml_document_id"),
                rs.getString("from_organ_id"),
                rs.getString("from_organ_name"),
                rs.getString("code_number"),
                rs.getString("code_notation"),
                promulgated == null ? null : promulgated.toLocalDate(),
                rs.getString("type_name"),
                rs.getString("subject"),
                rs.getBoolean("urgent"),
                rs.getString("state"),
                rs.getString("signature_verdict"),
                rs.getString("signature_detail"),
                rs.getObject("incoming_document_id", UUID.class),
                rs.getString("reason"),
                rs.getString("revoke_reason"),
                rs.getTimestamp("arrived_at").toInstant(),
                rs.getTimestamp("changed_at").toInstant(),
                warnings(rs.getString("warnings")));
    }
}
