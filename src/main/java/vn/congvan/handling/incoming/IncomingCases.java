package vn.congvan.handling.incoming;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.handling.CaseState;

/** The handling cases of incoming documents, each read under a row lock before it changes. */
@Component
class IncomingCases {

    private final JdbcClient jdbc;

    IncomingCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the case of a registered document unless it is open already; safe to call twice at once. */
    void open(UUID documentId, UUID unitId, boolean urgent, Instant at) {
        jdbc.sql("""
                        insert into handling_case (document_id, unit_id, state, urgent, changed_at)
                        values (?, ?, 'REGISTERED', ?, ?) on conflict (document_id) do nothing""").params(documentId, unitId, urgent, Timestamp.from(at)).update();
    }

    Optional<IncomingCase> find(UUID documentId) {
        return read(documentId, "");
    }

    /** The case, locked until the transaction ends: two changes at the same moment run one after the other. */
    Optional<IncomingCase> lock(UUID documentId) {
        return read(documentId, " for update");
    }

    private Optional<IncomingCase> read(UUID documentId, String lock) {
        // The first query takes the row lock when asked; the two after it read under it.
        if (!exists(documentId, lock)) {
            return Optional.empty();
        }
        Map<UUID, Participation> participants = new LinkedHashMap<>();
        jdbc.sql("select person_id, part from handling_participant where document_id = ? order by part, person_id")
                .param(documentId)
                .query(rs -> {
                    participants.put(
                            rs.getObject("person_id", UUID.class), Participation.valueOf(rs.getString("part")));
                });
        return jdbc.sql("select * from handling_case where document_id = ?")
                .param(documentId)
                .query((rs, n) -> map(rs, participants))
                .optional();
    }

    private boolean exists(UUID documentId, String lock) {
        return jdbc.sql("select document_id from handling_case where document_id = ?" + lock)
                .param(documentId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    void save(IncomingCase c, Instant at) {
        jdbc.sql("""
                        update handling_case set state = :state, presented_to = :presentedTo, assigned_by = :assignedBy,
                          lead_id = :lead, supervisor_id = :supervisor, direction_text = :direction, deadline = :deadline,
                          assigned_at = :assignedAt, progress_note = :progressNote, progress_at = :progressAt,
                          returned_reason = :returned, refused_reason = :refused, reply_document_id = :reply,
                          completed_at = :completedAt, changed_at = :at
                        where document_id = :id""")
                .param("state", c.state().name())
                .param("presentedTo", c.presentedTo())
                .param("assignedBy", c.assignedBy())
                .param("lead", c.leadId())
                .param("supervisor", c.supervisorId())
                .param("direction", c.direction())
                .param("deadline", c.deadline())
                .param("assignedAt", timestamp(c.assignedAt()))
                .param("progressNote", c.progressNote())
                .param("progressAt", timestamp(c.progressAt()))
                .param("returned", c.returnedReason())
                .param("refused", c.refusedReason())
                .param("reply", c.replyDocumentId())
                .param("completedAt", timestamp(c.completedAt()))
                .param("at", Timestamp.from(at))
                .param("id", c.documentId())
                .update();
        jdbc.sql("delete from handling_participant where document_id = ?")
                .param(c.documentId())
                .update();
        c.participants()
                .forEach((person, part) -> jdbc.sql(
                                "insert into handling_participant (document_id, person_id, part) values (?, ?, ?)")
                        .params(c.documentId(), person, part.name())
                        .update());
    }

    private static IncomingCase map(ResultSet rs, Map<UUID, Participation> participants) throws SQLException {
        return new IncomingCase(
                rs.getObject("document_id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getBoolean("urgent"),
                CaseState.valueOf(rs.getString("state")),
                rs.getObject("presented_to", UUID.class),
                rs.getObject("assigned_by", UUID.class),
                rs.getObject("lead_id", UUID.class),
                rs.getObject("supervisor_id", UUID.class),
                participants,
                rs.getString("direction_text"),
                rs.getObject("deadline", LocalDate.class),
                instant(rs, "assigned_at"),
                rs.getString("progress_note"),
                instant(rs, "progress_at"),
                rs.getString("returned_reason"),
                rs.getString("refused_reason"),
                rs.getObject("reply_document_id", UUID.class),
                instant(rs, "completed_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
