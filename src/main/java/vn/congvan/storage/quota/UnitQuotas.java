package vn.congvan.storage.quota;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/**
 * The province's quotas per unit, set by the installation's administrator: a new upload is refused
 * (413, {@code storage.upload.quota}) when the bytes the unit's officials have brought, with it,
 * would pass the unit's quota. A unit without a quota is bound only by the per-file limit.
 */
@Service
public class UnitQuotas {

    /** Each quota with the bytes its unit's officials have brought. */
    private static final String QUOTA_WITH_USE = "select q.unit_id, q.quota_bytes,"
            + " (select coalesce(sum(u.length), 0) from file_upload u where u.unit_id = q.unit_id) as used"
            + " from storage_unit_quota q";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    UnitQuotas(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every quota the province set, with its unit's use. */
    public List<UnitQuota> all() {
        return jdbc.sql(QUOTA_WITH_USE + " order by q.unit_id")
                .query(UnitQuotas::quota)
                .list();
    }

    private static UnitQuota quota(ResultSet rs, int row) throws SQLException {
        return new UnitQuota(rs.getObject("unit_id", UUID.class), rs.getLong("quota_bytes"), rs.getLong("used"));
    }

    /** The bytes each unit's officials have brought through uploads (units that brought none are absent). */
    public Map<UUID, Long> usedByUnit() {
        Map<UUID, Long> used = new java.util.HashMap<>();
        jdbc.sql("select unit_id, sum(length) as used from file_upload where unit_id is not null group by unit_id")
                .query(rs -> {
                    used.put(rs.getObject("unit_id", UUID.class), rs.getLong("used"));
                });
        return used;
    }

    /**
     * Refuses a file of {@code length} bytes that would take the unit past its quota. Called in the
     * transaction that records the upload: the quota's row stays locked until it ends, so that two
     * uploads opened at once cannot both take the last room.
     */
    public void requireRoom(UUID unitId, long length) {
        Optional<Long> quota = jdbc.sql("select quota_bytes from storage_unit_quota where unit_id = ? for update")
                .param(unitId)
                .query(Long.class)
                .optional();
        if (quota.isEmpty()) {
            return;
        }
        long used = jdbc.sql("select coalesce(sum(length), 0) from file_upload where unit_id = ?")
                .param(unitId)
                .query(Long.class)
                .single();
        UnitQuota unit = new UnitQuota(unitId, quota.get(), used);
        if (!unit.hasRoomFor(length)) {
            throw new DomainException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "storage.upload.quota",
                    gigabytes(unit.usedBytes()),
                    gigabytes(unit.quotaBytes()),
                    gigabytes(length));
        }
    }

    /** Sets the unit's quota (administrators only, {@code storage.quota.administrators}). */
    @Transactional
    public UnitQuota set(Official administrator, UUID unitId, long quotaBytes) {
        requireAdministrator(administrator);
        if (quotaBytes <= 0) {
            throw DomainException.invalid("storage.quota.positive");
        }
        jdbc.sql("insert into storage_unit_quota (unit_id, quota_bytes, set_by, set_at) values (?, ?, ?, ?)"
                        + " on conflict (unit_id) do update set quota_bytes = excluded.quota_bytes,"
                        + " set_by = excluded.set_by, set_at = excluded.set_at")
                .params(unitId, quotaBytes, administrator.personId(), Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEntry.by(
                administrator,
                StorageAuditAction.QUOTA_SET,
                "unit",
                unitId.toString(),
                unitId,
                Map.of("quotaBytes", Long.toString(quotaBytes))));
        return jdbc.sql(QUOTA_WITH_USE + " where q.unit_id = ?")
                .param(unitId)
                .query(UnitQuotas::quota)
                .single();
    }

    /** Removes the unit's quota: then only the per-file limit binds it. */
    @Transactional
    public void remove(Official administrator, UUID unitId) {
        requireAdministrator(administrator);
        int removed = jdbc.sql("delete from storage_unit_quota where unit_id = ?")
                .param(unitId)
                .update();
        if (removed == 0) {
            throw DomainException.notFound("storage.quota.not-found", unitId);
        }
        audit.record(AuditEntry.by(
                administrator, StorageAuditAction.QUOTA_REMOVED, "unit", unitId.toString(), unitId, Map.of()));
    }

    static void requireAdministrator(Official official) {
        if (!official.isAdministrator()) {
            throw DomainException.forbidden("storage.quota.administrators");
        }
    }

    /** A size as the refusal shows it, in gigabytes (formatted in the reader's language by the message). */
    private static double gigabytes(long bytes) {
        return bytes / 1e9;
    }
}
