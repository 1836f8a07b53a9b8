package vn.congvan.audit.chain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditFilter;
import vn.congvan.audit.AuditRecordView;

/** The {@code audit_record} table: appends at the end of the chain and reads records back. */
@Repository
public class AuditRecords {

    /**
     * Key of the PostgreSQL advisory lock that lines up the writers of the chain on every node
     * ("CongVanA" in ASCII). Held until the writer's transaction ends, so sequence numbers are
     * committed in order and a rolled-back record leaves no gap. A lock with one key, so apart from
     * every cluster job's ({@link vn.congvan.platform.ClusterJobs}).
     */
    static final long CHAIN_LOCK = 0x436f6e6756616e41L;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends the entry after the last record; must run inside a transaction. */
    public void append(AuditEntry entry) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(CHAIN_LOCK)
                .query((rs, row) -> row)
                .list();
        record Link(long seq, String hash) {}
        Link last = jdbc.sql("select seq, hash from audit_record order by seq desc limit 1")
                .query((rs, row) -> new Link(rs.getLong("seq"), rs.getString("hash")))
                .optional()
                .orElse(new Link(0, ChainRecord.GENESIS_HASH));
        // The time is taken under the lock, so that it grows with the sequence number.
        ChainRecord record = ChainRecord.seal(last.seq() + 1, last.hash(), clock.instant(), entry);
        jdbc.sql("insert into audit_record (" + ChainRecord.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(record.columnValues())
                .update();
    }

    public List<AuditRecordView> ofSubject(String subjectType, String subjectId) {
        return jdbc
                .sql("select " + ChainRecord.COLUMNS
                        + " from audit_record where subject_type = ? and subject_id = ? order by seq")
                .params(subjectType, subjectId)
                .query(ChainRecord::read)
                .list()
                .stream()
                .map(ChainRecord::view)
                .toList();
    }

    public List<AuditRecordView> latest(int limit, int offset) {
        return latest(AuditFilter.ALL, limit, offset);
    }

    /** The newest records the filter keeps, {@code limit} of them after skipping {@code offset}. */
    public List<AuditRecordView> latest(AuditFilter filter, int limit, int offset) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (!filter.actionPrefixes().isEmpty()) {
            where.append(" and (");
            for (int i = 0; i < filter.actionPrefixes().size(); i++) {
                where.append(i == 0 ? "" : " or ").append("action like ?");
                params.add(likePrefix(filter.actionPrefixes().get(i)));
            }
            where.append(")");
        }
        if (filter.actor() != null) {
            where.append(" and actor_name ilike ?");
            params.add("%" + escapeLike(filter.actor()) + "%");
        }
        if (filter.from() != null) {
            where.append(" and recorded_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and recorded_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        params.add(limit);
        params.add(offset);
        return jdbc
                .sql("select " + ChainRecord.COLUMNS + " from audit_record" + where
                        + " order by seq desc limit ? offset ?")
                .params(params)
                .query(ChainRecord::read)
                .list()
                .stream()
                .map(ChainRecord::view)
                .toList();
    }

    private static String likePrefix(String prefix) {
        return escapeLike(prefix) + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The next records of the chain after {@code seq}, in order, at most {@code limit}. */
    List<ChainRecord> after(long seq, int limit) {
        return jdbc.sql("select " + ChainRecord.COLUMNS + " from audit_record where seq > ? order by seq limit ?")
                .params(seq, limit)
                .query(ChainRecord::read)
                .list();
    }
}
