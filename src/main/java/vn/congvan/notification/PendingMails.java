package vn.congvan.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The notices waiting to be e-mailed: the outbox columns of the notice table. */
class PendingMails {

    /** A notice due to be e-mailed, with its person and the attempts made so far. */
    record PendingMail(NoticeView notice, UUID personId, int attempts) {}

    private final JdbcClient jdbc;

    PendingMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next notice due, locked until the caller's transaction ends; a notice another node has
     * locked is skipped, so that each is e-mailed by one node only. Uncommitted notices are not seen.
     */
    Optional<PendingMail> takeNext() {
        return jdbc.sql("""
                        select id, person_id, kind, message_key, arguments, link, urgent, notified_at, read_at,
                          email_attempts
                        from notice where email_due_at <= clock_timestamp()
                        order by email_due_at limit 1 for update skip locked""").query(PendingMails::pending).optional();
    }

    void sent(UUID noticeId) {
        jdbc.sql("""
                        update notice set email_due_at = null, email_sent_at = clock_timestamp(), email_error = null,
                          email_attempts = email_attempts + 1 where id = ?""").param(noticeId).update();
    }

    /** Not e-mailed and never will be: the person has no address, or already read it. */
    void dropped(UUID noticeId, String reason) {
        jdbc.sql("update notice set email_due_at = null, email_error = ? where id = ?")
                .params(reason, noticeId)
                .update();
    }

    /** Tried once more and failed: due again after {@code retryIn}, or given up when null. */
    void failed(UUID noticeId, @Nullable Duration retryIn, String error) {
        jdbc.sql("""
                        update notice set email_attempts = email_attempts + 1, email_error = ?,
                          email_due_at = clock_timestamp() + make_interval(secs => cast(? as double precision))
                        where id = ?""")
                .params(
                        error.length() > 500 ? error.substring(0, 500) : error,
                        retryIn == null ? null : retryIn.toMillis() / 1000.0,
                        noticeId)
                .update();
    }

    private static PendingMail pending(ResultSet rs, int row) throws SQLException {
        return new PendingMail(
                Notices.view(rs, row), rs.getObject("person_id", UUID.class), rs.getInt("email_attempts"));
    }
}
