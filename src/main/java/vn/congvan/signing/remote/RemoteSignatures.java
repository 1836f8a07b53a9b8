package vn.congvan.signing.remote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.remote.RemoteSignature.State;

/** The remote signatures started and their outcome, in the database so that any node can poll them. */
@Component
class RemoteSignatures {

    /** A remote signature as kept. */
    record Row(
            UUID id,
            UUID documentId,
            UUID sessionId,
            String responseId,
            State state,
            @Nullable String reason,
            @Nullable String serviceMessage,
            @Nullable String signedFile,
            int failures,
            UUID startedBy,
            Instant startedAt,
            Instant deadline) {}

    /**
     * The advisory lock of one official's starts on one document: {@code hashtextextended(prefix ||
     * document || person, 0)}, one key, so apart from every cluster job's lock
     * ({@link vn.congvan.platform.ClusterJobs}).
     */
    private static final String START_LOCK_PREFIX = "remote-signature:";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RemoteSignatures(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Runs the start of a signature by this official on this document once any other such start on
     * any node has finished: a second press that arrives meanwhile finds the first one's signature
     * pending instead of asking the service (and the signer's phone) a second time. The lock lives on
     * a connection of its own for the start's length, since the start asks the service over the
     * network and must hold no transaction meanwhile.
     */
    <T> T oneStartAtATime(UUID documentId, UUID personId, Supplier<T> start) {
        String key = START_LOCK_PREFIX + documentId + ":" + personId;
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, "select pg_advisory_lock(hashtextextended(?, 0))", key);
            try {
                return start.get();
            } finally {
                // A pooled connection keeps its session, and a session lock with it.
                lock(connection, "select pg_advisory_unlock(hashtextextended(?, 0))", key);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot line up the starts of a remote signature", e);
        }
    }

    private static void lock(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.executeQuery().close();
        }
    }

    /** The official's signatures on the document still waiting for the phone, the newest first. */
    List<Row> pending(UUID documentId, UUID personId, Instant now) {
        return jdbc.sql("""
                select * from remote_signature
                where document_id = ? and started_by = ? and state = 'PENDING' and deadline > ?
                order by started_at desc""")
                .params(documentId, personId, Timestamp.from(now))
                .query(RemoteSignatures::row)
                .list();
    }

    /** The official's signature of this kind on this file of the document still waiting for the phone. */
    Optional<Row> pending(UUID documentId, UUID personId, UUID fileId, SignatureKind kind, Instant now) {
        return jdbc.sql("""
                select r.* from remote_signature r join signature_session s on s.id = r.session_id
                where r.document_id = ? and r.started_by = ? and r.state = 'PENDING' and r.deadline > ?
                  and s.file_id = ? and s.kind = ?
                order by r.started_at desc limit 1""")
                .params(documentId, personId, Timestamp.from(now), fileId, kind.name())
                .query(RemoteSignatures::row)
                .optional();
    }

    /** The kind of signature the session prepared, while the session is kept. */
    Optional<SignatureKind> kindOf(UUID sessionId) {
        return jdbc.sql("select kind from signature_session where id = ?")
                .param(sessionId)
                .query((rs, n) -> SignatureKind.valueOf(rs.getString("kind")))
                .optional();
    }

    void add(
            UUID id,
            UUID documentId,
            UUID sessionId,
            UUID certificateId,
            String credentialId,
            String responseId,
            UUID startedBy,
            Instant now,
            Instant deadline,
            Instant firstPoll) {
        jdbc.sql("""
                insert into remote_signature (id, document_id, session_id, certificate_id, credential_id, response_id,
                    state, started_by, started_at, deadline, next_poll_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""")
                .params(
                        id,
                        documentId,
                        sessionId,
                        certificateId,
                        credentialId,
                        responseId,
                        startedBy,
                        Timestamp.from(now),
                        Timestamp.from(deadline),
                        Timestamp.from(firstPoll))
                .update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from remote_signature where id = ?")
                .param(id)
                .query(RemoteSignatures::row)
                .optional();
    }

    /**
     * Claims the pending signatures due for a poll, for {@code leasedUntil}: another node (or this
     * one after a restart) takes a claimed row again only once its lease has run out.
     */
    List<Row> claimDue(Instant now, Instant leasedUntil, int limit) {
        return jdbc.sql("""
                update remote_signature set leased_until = ?
                where id in (select id from remote_signature
                             where state = 'PENDING' and next_poll_at <= ?
                               and (leased_until is null or leased_until <= ?)
                             order by next_poll_at limit ? for update skip locked)
                returning *""")
                .params(Timestamp.from(leasedUntil), Timestamp.from(now), Timestamp.from(now), limit)
                .query(RemoteSignatures::row)
                .list();
    }

    /** Asks again at {@code next}; a failed poll counts towards giving up. */
    void pollAgain(UUID id, Instant next, boolean failed) {
        jdbc.sql("""
                update remote_signature set next_poll_at = ?, leased_until = null,
                    failures = case when ? then failures + 1 else 0 end
                where id = ? and state = 'PENDING'""").params(Timestamp.from(next), failed, id).update();
    }

    void finish(
            UUID id,
            State state,
            String reason,
            @Nullable String serviceMessage,
            @Nullable String signedFile,
            Instant now) {
        jdbc.sql("""
                update remote_signature set state = ?, reason = ?, service_message = ?, signed_file = ?,
                    finished_at = ?, leased_until = null
                where id = ? and state = 'PENDING'""")
                .params(state.name(), reason, shortened(serviceMessage), signedFile, Timestamp.from(now), id)
                .update();
    }

    private static @Nullable String shortened(@Nullable String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("document_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getString("response_id"),
                State.valueOf(rs.getString("state")),
                rs.getString("reason"),
                rs.getString("service_message"),
                rs.getString("signed_file"),
                rs.getInt("failures"),
                rs.getObject("started_by", UUID.class),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("deadline").toInstant());
    }
}
