package vn.congvan.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notices kept in the database, read and changed only for their own person. */
@Repository
class Notices {

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the notice, or refreshes the same one still unread (its time, text and urgency): the
     * partial unique index makes this hold when two transactions notify at once. A refreshed
     * notice keeps its e-mail state, so a repeated reminder is not e-mailed twice.
     */
    void keep(Notice notice, boolean email) {
        jdbc.sql("""
                        insert into notice (id, person_id, kind, message_key, arguments, link, urgent, notified_at,
                          email_due_at)
                        values (?, ?, ?, ?, ?, ?, ?, clock_timestamp(),
                          case when cast(? as boolean) then clock_timestamp() end)
                        on conflict (person_id, kind, link) where read_at is null do update
                          set message_key = excluded.message_key, arguments = excluded.arguments,
                              urgent = excluded.urgent, notified_at = excluded.notified_at""")
                .params(
                        UUID.randomUUID(),
                        notice.personId(),
                        notice.kind(),
                        notice.messageKey(),
                        notice.arguments().toArray(new String[0]),
                        notice.link(),
                        notice.urgent(),
                        email)
                .update();
    }

    long unread(UUID personId) {
        return jdbc.sql("select count(*) from notice where person_id = ? and read_at is null")
                .param(personId)
                .query(Long.class)
                .single();
    }

    List<NoticeView> latest(UUID personId, int limit) {
        return jdbc.sql("""
                        select id, kind, message_key, arguments, link, urgent, notified_at, read_at from notice
                        where person_id = ? order by notified_at desc, id limit ?""").params(personId, limit).query(Notices::view).list();
    }

    /** False when the person has no such notice; marking a read notice again changes nothing. */
    boolean markRead(UUID personId, UUID noticeId) {
        return jdbc.sql(
                                "update notice set read_at = coalesce(read_at, clock_timestamp()) where id = ? and person_id = ?")
                        .params(noticeId, personId)
                        .update()
                == 1;
    }

    int settle(UUID personId, String link) {
        return jdbc.sql(
                        "update notice set read_at = clock_timestamp() where person_id = ? and link = ? and read_at is null")
                .params(personId, link)
                .update();
    }

    int settleForEveryone(String kind, String link) {
        return jdbc.sql("update notice set read_at = clock_timestamp() where kind = ? and link = ? and read_at is null")
                .params(kind, link)
                .update();
    }

    int settleForEveryone(String link) {
        return jdbc.sql("update notice set read_at = clock_timestamp() where link = ? and read_at is null")
                .param(link)
                .update();
    }

    void markAllRead(UUID personId) {
        jdbc.sql("update notice set read_at = clock_timestamp() where person_id = ? and read_at is null")
                .param(personId)
                .update();
    }

    static NoticeView view(ResultSet rs, int row) throws SQLException {
        OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
        return new NoticeView(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("message_key"),
                strings(rs.getArray("arguments")),
                rs.getString("link"),
                rs.getBoolean("urgent"),
                rs.getObject("notified_at", OffsetDateTime.class).toInstant(),
                readAt == null ? null : readAt.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
