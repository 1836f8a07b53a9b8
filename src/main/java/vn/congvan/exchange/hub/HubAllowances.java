package vn.congvan.exchange.hub;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.exchange.ExchangeAuditAction;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/**
 * The organ codes each client system may publish in the hub's directory (and so receive mail
 * for), kept by the hub and set by its administrator; every change audited. A code is exact, or
 * a pattern where {@code *} stands for any characters ({@code *.H10}: the agencies of one province).
 */
@Component
class HubAllowances {

    /** Who set the codes a system was given by {@code congvan.exchange.hub.initial-organs}. */
    static final String SEEDED_BY = "settings";

    /** What one system may publish, and who set it when; a system never set has no codes. */
    record Allowance(
            String systemId,
            List<String> organs,
            @Nullable String setBy,
            @Nullable Instant setAt) {}

    static final int MAX_CODES = 1000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9.*_-]{1,35}");

    private final JdbcClient jdbc;
    private final HubProperties hub;
    private final AuditTrail audit;
    private final Clock clock;

    HubAllowances(JdbcClient jdbc, HubProperties hub, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every system the hub knows (its settings), with what it may publish. */
    List<Allowance> list() {
        Map<String, Allowance> set = new HashMap<>();
        jdbc.sql("select system_id, organs, set_by, set_at from hub_system_allowance")
                .query((rs, n) -> new Allowance(
                        rs.getString("system_id"),
                        codes(rs.getArray("organs")),
                        rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .list()
                .forEach(a -> set.put(a.systemId(), a));
        List<Allowance> all = new ArrayList<>();
        for (String system : new TreeSet<>(
                Objects.requireNonNull(hub.systems(), "none is an empty map").keySet())) {
            all.add(set.getOrDefault(system, new Allowance(system, List.of(), null, null)));
        }
        return all;
    }

    /** Whether the system may serve the agency with that organ code. */
    boolean allows(String systemId, String organId) {
        return patternsOf(systemId).stream().anyMatch(p -> p.matcher(organId).matches());
    }

    /** The organs each system may serve, as tests of organ codes, read once for many checks. */
    Map<String, List<Pattern>> all() {
        Map<String, List<Pattern>> all = new HashMap<>();
        jdbc.sql("select system_id, organs from hub_system_allowance")
                .query((rs, n) -> Map.entry(rs.getString("system_id"), codes(rs.getArray("organs"))))
                .list()
                .forEach(e -> all.put(
                        e.getKey(),
                        e.getValue().stream().map(HubAllowances::pattern).toList()));
        return all;
    }

    /**
     * The administrator sets what the system may publish: its agencies no longer allowed leave the
     * directory at once, so that no mail reaches it for them.
     */
    @Transactional
    Allowance set(Official administrator, String systemId, @Nullable List<String> organs) {
        if (hub.secretOf(systemId) == null) {
            throw DomainException.notFound("exchange.hub.system-unknown", systemId);
        }
        List<String> codes = valid(organs);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into hub_system_allowance (system_id, organs, set_by, set_at) values (?, ?, ?, ?)
                        on conflict (system_id) do update set organs = excluded.organs, set_by = excluded.set_by,
                          set_at = excluded.set_at""")
                .params(systemId, codes.toArray(String[]::new), administrator.getUsername(), Timestamp.from(now))
                .update();
        int removed = 0;
        for (String organId : jdbc.sql("select organ_id from hub_agency where system_id = ?")
                .param(systemId)
                .query(String.class)
                .list()) {
            if (!allows(systemId, organId)) {
                removed += jdbc.sql("delete from hub_agency where organ_id = ?")
                        .param(organId)
                        .update();
            }
        }
        audit.record(AuditEntry.by(
                administrator,
                ExchangeAuditAction.HUB_ORGANS_ALLOWED,
                "axis-system",
                systemId,
                null,
                Map.of("organs", String.join(" ", codes), "agenciesRemoved", String.valueOf(removed))));
        return new Allowance(systemId, codes, administrator.getUsername(), now);
    }

    /**
     * At the first start of a hub, the codes its settings name for a system
     * ({@code congvan.exchange.hub.initial-organs.<system>}) become that system's allowance, when
     * the administrator never set one: what an installation script gives; the administrator owns it after.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seedFromSettings() {
        if (!hub.enabled()) {
            return;
        }
        Objects.requireNonNull(hub.initialOrgans(), "none is an empty map").forEach((systemId, organs) -> {
            if (hub.secretOf(systemId) == null) {
                return;
            }
            List<String> codes = valid(organs);
            int inserted = jdbc.sql("""
                            insert into hub_system_allowance (system_id, organs, set_by, set_at) values (?, ?, ?, ?)
                            on conflict (system_id) do nothing""")
                    .params(systemId, codes.toArray(String[]::new), SEEDED_BY, Timestamp.from(clock.instant()))
                    .update();
            if (inserted > 0) {
                audit.record(new AuditEntry(
                        ExchangeAuditAction.HUB_ORGANS_ALLOWED,
                        "axis-system",
                        systemId,
                        null,
                        null,
                        "settings",
                        Map.of("organs", String.join(" ", codes), "agenciesRemoved", "0")));
            }
        });
    }

    private List<Pattern> patternsOf(String systemId) {
        return jdbc
                .sql("select organs from hub_system_allowance where system_id = ?")
                .param(systemId)
                .query((rs, n) -> codes(rs.getArray("organs")))
                .optional()
                .orElse(List.of())
                .stream()
                .map(HubAllowances::pattern)
                .toList();
    }

    private static List<String> valid(@Nullable List<String> organs) {
        if (organs == null || organs.size() > MAX_CODES) {
            throw DomainException.invalid("exchange.hub.organs-invalid", "", MAX_CODES);
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String organ : organs) {
            String code = organ == null ? "" : organ.strip();
            if (!CODE.matcher(code).matches()) {
                throw DomainException.invalid("exchange.hub.organs-invalid", code, MAX_CODES);
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    static Pattern pattern(String code) {
        StringBuilder regex = new StringBuilder();
        for (String part : code.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static List<String> codes(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
