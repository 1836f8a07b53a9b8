package vn.congvan.exchange.axis;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.exchange.ExchangeRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.Blobs;

/**
 * The outbox (hộp thư đi) of packages sent over the axis: a package enqueued in the caller's
 * transaction is sent after it commits, in order, retried until the hub accepts or refuses it.
 */
@Service
public class AxisOutbox {

    static final String COLUMNS = "id, kind, document_id, recipients, local_reference, sha256, size, state, attempts, "
            + "next_attempt_at, last_error, hub_id, enqueued_at, sent_at";

    private final JdbcClient jdbc;
    private final Blobs blobs;
    private final AxisProperties axis;
    private final Clock clock;

    AxisOutbox(JdbcClient jdbc, Blobs blobs, AxisProperties axis, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.axis = axis;
        this.clock = clock;
    }

    /** Whether a hub is configured ({@code congvan.exchange.axis.url}); without one nothing can be enqueued. */
    public boolean configured() {
        return axis.configured();
    }

    /**
     * Queues the package, joining the caller's transaction; refused when no hub is configured
     * ({@code exchange.axis.not-configured}) or the blob is not kept ({@code exchange.axis.not-stored}).
     */
    @Transactional
    public UUID enqueue(OutgoingPackage p) {
        if (!axis.configured()) {
            throw DomainException.conflict(ExchangeRefusals.AXIS_NOT_CONFIGURED);
        }
        if (!blobs.exists(p.sha256())) {
            throw DomainException.invalid("exchange.axis.not-stored", p.sha256());
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into axis_outbox (id, kind, document_id, recipients, local_reference, sha256, size,
                          state, next_attempt_at, enqueued_at) values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")
                .params(
                        id,
                        p.kind().name(),
                        p.documentId(),
                        p.recipients().toArray(String[]::new),
                        p.localReference(),
                        p.sha256(),
                        p.size(),
                        now,
                        now)
                .update();
        return id;
    }

    public Optional<OutboxEntry> entry(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from axis_outbox where id = ?")
                .param(id)
                .query(AxisOutbox::entry)
                .optional();
    }

    /** The entries in the given state (every state when null), the latest first, at most {@code limit}. */
    public List<OutboxEntry> entries(@Nullable OutboxState state, int limit) {
        return jdbc.sql("select " + COLUMNS + " from axis_outbox where (cast(? as varchar) is null or state = ?) "
                        + "order by seq desc limit ?")
                .params(state == null ? null : state.name(), state == null ? null : state.name(), limit)
                .query(AxisOutbox::entry)
                .list();
    }

    /** The entries enqueued for one local reference (a document's packages), the oldest first. */
    public List<OutboxEntry> entriesFor(String localReference) {
        return jdbc.sql("select " + COLUMNS + " from axis_outbox where local_reference = ? order by seq")
                .param(localReference)
                .query(AxisOutbox::entry)
                .list();
    }

    /** Queues a package the hub refused once more, now (the console's retry); false when it had not failed. */
    @Transactional
    public boolean retry(UUID id) {
        return jdbc.sql("""
                        update axis_outbox set state = 'QUEUED', next_attempt_at = ?, last_error = null
                        where id = ? and state = 'FAILED'""").params(Timestamp.from(clock.instant()), id).update() == 1;
    }

    static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        Array recipients = rs.getArray("recipients");
        return new OutboxEntry(
                rs.getObject("id", UUID.class),
                AxisPackageKind.valueOf(rs.getString("kind")),
                rs.getString("document_id"),
                Arrays.asList((String[]) recipients.getArray()),
                rs.getString("local_reference"),
                rs.getString("sha256"),
                rs.getLong("size"),
                OutboxState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                rs.getString("hub_id"),
                rs.getTimestamp("enqueued_at").toInstant(),
                instant(rs, "sent_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
