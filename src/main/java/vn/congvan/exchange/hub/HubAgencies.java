package vn.congvan.exchange.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.exchange.ExchangeAuditAction;
import vn.congvan.shared.DomainException;

/** The hub's directory of agencies (danh bạ cơ quan), each served by the one system that published it. */
@Component
class HubAgencies {

    /** An agency of the directory. */
    record Agency(
            String organId,
            String name,
            String systemId,
            @Nullable String parentOrganId) {}

    /** An agency a system declares it serves. */
    record Declared(
            @Nullable String organId,
            @Nullable String name,
            @Nullable String parentOrganId) {}

    /**
     * Key of the advisory lock that lines up the systems publishing their agencies on every node, so
     * that two cannot both take one ("axisdir1" in ASCII). A lock with one key, so apart from every
     * cluster job's ({@link vn.congvan.platform.ClusterJobs}).
     */
    private static final long DIRECTORY_LOCK = 0x6178697364697231L;

    private final JdbcClient jdbc;
    private final HubAllowances allowances;
    private final AuditTrail audit;
    private final Clock clock;

    HubAgencies(JdbcClient jdbc, HubAllowances allowances, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.allowances = allowances;
        this.audit = audit;
        this.clock = clock;
    }

    /** The directory: only the agencies their system is allowed to serve (a row kept from before is not). */
    List<Agency> list() {
        Map<String, List<Pattern>> allowed = allowances.all();
        return jdbc
                .sql("select organ_id, name, system_id, parent_organ_id from hub_agency order by organ_id")
                .query((rs, n) -> new Agency(
                        rs.getString("organ_id"),
                        rs.getString("name"),
                        rs.getString("system_id"),
                        rs.getString("parent_organ_id")))
                .list()
                .stream()
                .filter(a -> allowed.getOrDefault(a.systemId(), List.of()).stream()
                        .anyMatch(p -> p.matcher(a.organId()).matches()))
                .toList();
    }

    /** The system serving the agency, if the directory has it and the system is allowed to serve it. */
    Optional<String> systemOf(String organId) {
        return jdbc.sql("select system_id from hub_agency where organ_id = ?")
                .param(organId)
                .query(String.class)
                .optional()
                .filter(system -> allowances.allows(system, organId));
    }

    /**
     * Makes {@code declared} the agencies the system serves: new ones added, names and parents
     * updated, those it no longer declares removed. An agency the hub's administrator did not allow
     * the system ({@code exchange.hub.organ-not-allowed}, 403) or another system serves
     * ({@code exchange.hub.organ-taken}, 409) refuses the whole declaration.
     */
    @Transactional
    void publish(String systemId, List<Declared> declared) {
        Set<String> ids = new HashSet<>();
        for (Declared d : declared) {
            String organId = d.organId() == null ? "" : d.organId().strip();
            String name = d.name() == null ? "" : d.name().strip();
            String parent = d.parentOrganId() == null ? "" : d.parentOrganId().strip();
            if (organId.isEmpty()
                    || organId.length() > 35
                    || name.isEmpty()
                    || name.length() > 200
                    || parent.length() > 35
                    || !ids.add(organId)) {
                throw DomainException.invalid("exchange.hub.agency-invalid", organId);
            }
        }
        List<Pattern> allowed = allowances.all().getOrDefault(systemId, List.of());
        for (String organId : ids) {
            if (allowed.stream().noneMatch(p -> p.matcher(organId).matches())) {
                throw DomainException.forbidden("exchange.hub.organ-not-allowed", organId);
            }
        }
        // One directory writer at a time on every node: two systems must not both take an agency.
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(DIRECTORY_LOCK)
                .query((rs, n) -> n)
                .list();
        for (String organId : ids) {
            systemOf(organId).filter(owner -> !owner.equals(systemId)).ifPresent(owner -> {
                throw DomainException.conflict("exchange.hub.organ-taken", organId);
            });
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("delete from hub_agency where system_id = ? and not (organ_id = any (?))")
                .params(systemId, ids.toArray(String[]::new))
                .update();
        for (Declared d : declared) {
            String parent = d.parentOrganId() == null || d.parentOrganId().isBlank()
                    ? null
                    : d.parentOrganId().strip();
            jdbc.sql("""
                            insert into hub_agency (organ_id, name, system_id, parent_organ_id, published_at)
                            values (?, ?, ?, ?, ?) on conflict (organ_id) do update set name = excluded.name,
                              system_id = excluded.system_id, parent_organ_id = excluded.parent_organ_id, published_at = excluded.published_at""")
                    .params(
                            Objects.requireNonNull(d.organId(), "checked above").strip(),
                            Objects.requireNonNull(d.name(), "checked above").strip(),
                            systemId,
                            parent,
                            now)
                    .update();
        }
        audit.record(new AuditEntry(
                ExchangeAuditAction.HUB_AGENCIES_PUBLISHED,
                "axis-system",
                systemId,
                null,
                null,
                "axis:" + systemId,
                Map.of("agencies", String.valueOf(ids.size()))));
    }
}
