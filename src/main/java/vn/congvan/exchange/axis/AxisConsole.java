package vn.congvan.exchange.axis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the exchange console shows the IT officer: the outbox, the inbox, what failed and the last
 * synchronization of the agency directory.
 */
@Service
public class AxisConsole {

    private static final String INBOX_COLUMNS =
            "id, hub_id, kind, document_id, from_organ_id, sha256, size, state, reason, received_at";

    private final JdbcClient jdbc;
    private final AxisOutbox outbox;
    private final DirectorySync directorySync;

    AxisConsole(JdbcClient jdbc, AxisOutbox outbox, DirectorySync directorySync) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.directorySync = directorySync;
    }

    /**
     * Synchronizes the agency directory with the hub now (the console's button); refused when no
     * hub is configured ({@code exchange.axis.not-configured}).
     */
    public DirectorySyncView syncDirectory() {
        return directorySync.sync();
    }

    /**
     * The part of the console that concerns some units only (a commune's IT officer): the packages
     * their documents left in (sent from their organ codes), the statuses they answered with, what
     * arrived for them and the statuses answering their documents.
     */
    public record Part(Set<UUID> unitIds, Set<String> organIds) {
        public Part {
            unitIds = Set.copyOf(unitIds);
            organIds = Set.copyOf(organIds);
        }
    }

    private static final String OUTBOX_OF_PART = """
            ((kind = 'DOCUMENT' and split_part(document_id, ',', 1) = any(?))
              or (kind = 'STATUS' and local_reference in
                   (select 'arrival:' || id from electronic_arrival where unit_id = any(?))))""";

    private static final String INBOX_OF_PART = """
            ((kind = 'DOCUMENT' and id in (select inbox_id from electronic_arrival where unit_id = any(?)))
              or (kind = 'STATUS' and split_part(document_id, ',', 1) = any(?)))""";

    /** The latest packages of the part's outbox in the given state (any when null). */
    public List<OutboxEntry> outboxOf(Part part, @Nullable OutboxState state, int limit) {
        return jdbc.sql("select " + AxisOutbox.COLUMNS + " from axis_outbox where " + OUTBOX_OF_PART
                        + " and (cast(? as varchar) is null or state = ?) order by seq desc limit ?")
                .params(
                        part.organIds().toArray(String[]::new),
                        part.unitIds().toArray(UUID[]::new),
                        state == null ? null : state.name(),
                        state == null ? null : state.name(),
                        limit)
                .query(AxisOutbox::entry)
                .list();
    }

    /** Whether a package of the outbox belongs to the part. */
    public boolean holds(Part part, UUID outboxId) {
        return jdbc.sql("select count(*) from axis_outbox where id = ? and " + OUTBOX_OF_PART)
                        .params(
                                outboxId,
                                part.organIds().toArray(String[]::new),
                                part.unitIds().toArray(UUID[]::new))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The latest packages fetched from the hub for the part, in any state. */
    public List<InboxEntry> inboxOf(Part part, int limit) {
        return jdbc.sql("select " + INBOX_COLUMNS + " from axis_inbox where " + INBOX_OF_PART
                        + " order by received_at desc, id limit ?")
                .params(part.unitIds().toArray(UUID[]::new), part.organIds().toArray(String[]::new), limit)
                .query(AxisConsole::inboxEntry)
                .list();
    }

    /** The latest packages of the outbox in any state. */
    public List<OutboxEntry> outbox(int limit) {
        return outbox.entries(null, limit);
    }

    /** The latest packages fetched from the hub in the given state (any when null). */
    public List<InboxEntry> inbox(@Nullable InboxState state, int limit) {
        return jdbc.sql("select " + INBOX_COLUMNS + " from axis_inbox where (cast(? as varchar) is null or state = ?) "
                        + "order by received_at desc, id limit ?")
                .params(state == null ? null : state.name(), state == null ? null : state.name(), limit)
                .query(AxisConsole::inboxEntry)
                .list();
    }

    public Optional<InboxEntry> inboxEntry(UUID id) {
        return jdbc.sql("select " + INBOX_COLUMNS + " from axis_inbox where id = ?")
                .param(id)
                .query(AxisConsole::inboxEntry)
                .optional();
    }

    /** Packages the hub refused for good. */
    public List<OutboxEntry> failedSends(int limit) {
        return outbox.entries(OutboxState.FAILED, limit);
    }

    /** Received packages that could not be read. */
    public List<InboxEntry> failedReceipts(int limit) {
        return inbox(InboxState.FAILED, limit);
    }

    /** Packages still waiting to be sent, with the attempts and errors of those being retried. */
    public List<OutboxEntry> waiting(int limit) {
        return outbox.entries(OutboxState.QUEUED, limit);
    }

    /** The last synchronization of the agency directory; empty before the first. */
    public Optional<DirectorySyncView> lastSync() {
        return jdbc.sql("select at, published, listed, error from axis_directory_sync where id = 1")
                .query((rs, n) -> new DirectorySyncView(
                        rs.getTimestamp("at").toInstant(),
                        rs.getInt("published"),
                        rs.getInt("listed"),
                        rs.getString("error")))
                .optional();
    }

    private static InboxEntry inboxEntry(ResultSet rs, int row) throws SQLException {
        return new InboxEntry(
                rs.getObject("id", UUID.class),
                rs.getString("hub_id"),
                AxisPackageKind.valueOf(rs.getString("kind")),
                rs.getString("document_id"),
                rs.getString("from_organ_id"),
                rs.getString("sha256"),
                rs.getLong("size"),
                InboxState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                rs.getTimestamp("received_at").toInstant());
    }
}
