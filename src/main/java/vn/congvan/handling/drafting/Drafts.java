package vn.congvan.handling.drafting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.Priority;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.shared.Role;

/** The drafts of every unit with their recipients, versions and routes. */
@Component
class Drafts {

    /** A version of a draft's PDF. */
    record Version(
            int version,
            String sha256,
            String fileName,
            long size,
            @Nullable Source source,
            UUID addedBy,
            Instant addedAt) {}

    /** The Word or OpenDocument file a version's PDF was rendered from. */
    record Source(String sha256, String fileName, long size) {}

    private final JdbcClient jdbc;

    Drafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Draft d, @Nullable String submissionKey, @Nullable UUID dossierId, Instant at) {
        jdbc.sql("""
                        insert into draft (id, unit_id, drafter_id, division_id, document_type, subject, priority, due_date,
                          state, submission_key, replaces_id, dossier_id, created_at, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        d.id(),
                        d.unitId(),
                        d.drafterId(),
                        d.divisionId(),
                        d.type().name(),
                        d.subject(),
                        d.priority().code(),
                        d.dueDate(),
                        d.state().name(),
                        submissionKey,
                        d.replacesId(),
                        dossierId,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
        int position = 1;
        for (Draft.Recipient r : d.recipients()) {
            jdbc.sql("""
                            insert into draft_recipient (draft_id, position, unit_id, organ_id, organ_name)
                            values (?, ?, ?, ?, ?)""")
                    .params(d.id(), position++, r.unitId(), r.organId(), r.organName())
                    .update();
        }
    }

    /** Notes that the draft answers the incoming document {@code incomingId}. */
    void answering(UUID draftId, UUID incomingId) {
        jdbc.sql("insert into draft_reply_to (draft_id, incoming_document_id) values (?, ?)")
                .params(draftId, incomingId)
                .update();
    }

    /** The incoming document the draft answers, if it answers one. */
    Optional<UUID> answered(UUID draftId) {
        return jdbc.sql("select incoming_document_id from draft_reply_to where draft_id = ?")
                .param(draftId)
                .query(UUID.class)
                .optional();
    }

    Optional<UUID> bySubmission(UUID drafterId, String submissionKey) {
        return jdbc.sql("select id from draft where drafter_id = ? and submission_key = ?")
                .params(drafterId, submissionKey)
                .query(UUID.class)
                .optional();
    }

    Optional<Draft> find(UUID id) {
        return read(id, "");
    }

    /** The draft, locked until the transaction ends. */
    Optional<Draft> lock(UUID id) {
        return read(id, " for update");
    }

    /** Whether the dossier is an open one of the unit (as the registry publishes it). */
    boolean openDossierOf(UUID dossierId, UUID unitId) {
        return jdbc.sql("select count(*) from registry_dossier_facts where id = ? and unit_id = ? and is_open")
                        .params(dossierId, unitId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<UUID> dossierOf(UUID draftId) {
        return jdbc.sql("select dossier_id from draft where id = ? and dossier_id is not null")
                .param(draftId)
                .query(UUID.class)
                .optional();
    }

    Optional<UUID> ofDocument(UUID documentId) {
        return jdbc.sql("select id from draft where document_id = ?")
                .param(documentId)
                .query(UUID.class)
                .optional();
    }

    private Optional<Draft> read(UUID id, String lock) {
        Optional<Row> row = jdbc.sql("select * from draft where id = ?" + lock)
                .param(id)
                .query(Drafts::row)
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Draft.Recipient> recipients = jdbc.sql(
                        "select unit_id, organ_id, organ_name from draft_recipient where draft_id = ? order by position")
                .param(id)
                .query((rs, n) -> new Draft.Recipient(
                        rs.getObject("unit_id", UUID.class), rs.getString("organ_id"), rs.getString("organ_name")))
                .list();
        List<RouteStep> route = jdbc.sql("select * from draft_route_step where draft_id = ? order by position")
                .param(id)
                .query((rs, n) -> new RouteStep(
                        rs.getInt("position"),
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("approver_id", UUID.class),
                        instant(rs, "decided_at")))
                .list();
        Row r = row.get();
        return Optional.of(new Draft(
                r.id,
                r.unitId,
                r.drafterId,
                r.divisionId,
                r.type,
                r.subject,
                r.priority,
                r.dueDate,
                recipients,
                r.replacesId,
                r.state,
                route,
                r.currentStep,
                r.signerId,
                r.signerAuthority,
                r.documentId,
                r.signedAt));
    }

    void save(Draft d, Instant at) {
        jdbc.sql("""
                        update draft set state = ?, current_step = ?, signer_id = ?, signer_authority = ?, document_id = ?,
                          signed_at = ?, changed_at = ? where id = ?""")
                .params(
                        d.state().name(),
                        d.currentStep(),
                        d.signerId(),
                        d.signerAuthority() == null ? null : d.signerAuthority().name(),
                        d.documentId(),
                        d.signedAt() == null ? null : Timestamp.from(d.signedAt()),
                        Timestamp.from(at),
                        d.id())
                .update();
        jdbc.sql("delete from draft_route_step where draft_id = ?")
                .param(d.id())
                .update();
        for (RouteStep s : d.route()) {
            jdbc.sql("""
                            insert into draft_route_step (draft_id, position, role, approver_id, decided_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(
                            d.id(),
                            s.position(),
                            s.role().name(),
                            s.approverId(),
                            s.decidedAt() == null ? null : Timestamp.from(s.decidedAt()))
                    .update();
        }
    }

    int addVersion(
            UUID draftId, String sha256, String fileName, long size, @Nullable Source source, UUID by, Instant at) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from draft_version where draft_id = ?")
                .param(draftId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into draft_version (draft_id, version, sha256, file_name, size,
                          source_sha256, source_file_name, source_size, added_by, added_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        draftId,
                        version,
                        sha256,
                        fileName,
                        size,
                        source == null ? null : source.sha256(),
                        source == null ? null : source.fileName(),
                        source == null ? null : source.size(),
                        by,
                        Timestamp.from(at))
                .update();
        return version;
    }

    List<Version> versions(UUID draftId) {
        return jdbc.sql("select * from draft_version where draft_id = ? order by version")
                .param(draftId)
                .query((rs, n) -> new Version(
                        rs.getInt("version"),
                        rs.getString("sha256"),
                        rs.getString("file_name"),
                        rs.getLong("size"),
                        rs.getString("source_sha256") == null
                                ? null
                                : new Source(
                                        rs.getString("source_sha256"),
                                        rs.getString("source_file_name"),
                                        rs.getLong("source_size")),
                        rs.getObject("added_by", UUID.class),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    private record Row(
            UUID id,
            UUID unitId,
            UUID drafterId,
            @Nullable UUID divisionId,
            DocumentType type,
            String subject,
            Priority priority,
            @Nullable LocalDate dueDate,
            @Nullable UUID replacesId,
            DraftState state,
            @Nullable Integer currentStep,
            @Nullable UUID signerId,
            @Nullable SignerAuthority signerAuthority,
            @Nullable UUID documentId,
            @Nullable Instant signedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        String authority = rs.getString("signer_authority");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getObject("drafter_id", UUID.class),
                rs.getObject("division_id", UUID.class),
                DocumentType.valueOf(rs.getString("document_type")),
                rs.getString("subject"),
                Priority.ofCode(rs.getInt("priority")),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("replaces_id", UUID.class),
                DraftState.valueOf(rs.getString("state")),
                (Integer) rs.getObject("current_step"),
                rs.getObject("signer_id", UUID.class),
                authority == null ? null : SignerAuthority.valueOf(authority),
                rs.getObject("document_id", UUID.class),
                instant(rs, "signed_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
