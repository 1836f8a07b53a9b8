package vn.congvan.exchange.axis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.exchange.ExchangeRefusals;
import vn.congvan.platform.ClusterJobs;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;

/**
 * Synchronizes the agency directory with the hub, on a schedule and on demand: publishes the
 * installation's units that have an identification code (the newer code, else the legacy one),
 * then reads the hub's directory into the local list of outside agencies (those served by other
 * systems). A failed synchronization is recorded and leaves the list as it was.
 */
public class DirectorySync {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final Directory directory;
    private final AxisHttp http;
    private final AxisProperties settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ClusterJobs jobs;
    private final JsonMapper json;
    private final Clock clock;

    DirectorySync(
            Directory directory,
            AxisHttp http,
            AxisProperties settings,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ClusterJobs jobs,
            JsonMapper json,
            Clock clock) {
        this.directory = directory;
        this.http = http;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${congvan.exchange.axis.directory-first-delay}",
            fixedDelayString = "${congvan.exchange.axis.directory-interval}")
    void syncDue() {
        if (settings.configured()) {
            jobs.runAlone(AxisJob.DIRECTORY, this::sync);
        }
    }

    /**
     * Publishes our units and reads the hub's directory now; refused when no hub is configured
     * ({@code exchange.axis.not-configured}). The outcome is also kept as the last synchronization.
     */
    public DirectorySyncView sync() {
        if (!settings.configured()) {
            throw DomainException.conflict(ExchangeRefusals.AXIS_NOT_CONFIGURED);
        }
        Instant at = clock.instant();
        List<Map<String, String>> ours = ourAgencies();
        try {
            AxisHttp.Answer published = http.send(
                    "PUT",
                    "/api/v1/axis/agencies",
                    AxisHttp.Body.of(json.writeValueAsBytes(ours), "application/json"),
                    Map.of());
            if (!published.ok()) {
                return recorded(new DirectorySyncView(at, 0, 0, "publishAgencies: " + published.problem(json)));
            }
            AxisHttp.Answer listed = http.send("GET", "/api/v1/axis/agencies", AxisHttp.Body.NONE, Map.of());
            if (!listed.ok()) {
                return recorded(new DirectorySyncView(at, ours.size(), 0, "getAgenciesList: " + listed.problem(json)));
            }
            List<?> agencies = json.readValue(listed.body(), List.class);
            int outside = transaction.execute(status -> replaceOutsideAgencies(agencies, at));
            return recorded(new DirectorySyncView(at, ours.size(), outside, null));
        } catch (IOException | UncheckedIOException e) {
            return recorded(new DirectorySyncView(at, 0, 0, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** The units in force today that have a code, each with its parent's code when the parent has one. */
    private List<Map<String, String>> ourAgencies() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        List<UnitView> units = directory.units();
        Map<UUID, UnitView> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        List<Map<String, String>> ours = new ArrayList<>();
        for (UnitView unit : units) {
            if (!coded(unit) || !unit.activeOn(today)) {
                continue;
            }
            Map<String, String> agency = new LinkedHashMap<>();
            agency.put("organId", unit.organId());
            agency.put("name", unit.name());
            @Nullable UnitView parent = unit.parentId() == null ? null : byId.get(unit.parentId());
            if (parent != null && coded(parent)) {
                agency.put("parentOrganId", parent.organId());
            }
            ours.add(agency);
        }
        return ours;
    }

    private static boolean coded(UnitView unit) {
        return unit.code() != null || unit.legacyCode() != null;
    }

    private int replaceOutsideAgencies(List<?> agencies, Instant at) {
        jdbc.sql("delete from axis_agency").update();
        int kept = 0;
        for (Object item : agencies) {
            Map<?, ?> agency = (Map<?, ?>) item;
            String systemId = String.valueOf(agency.get("systemId"));
            if (systemId.equals(settings.systemId()) || agency.get("organId") == null || agency.get("name") == null) {
                continue;
            }
            jdbc.sql("""
                            insert into axis_agency (organ_id, name, system_id, parent_organ_id, synced_at)
                            values (?, ?, ?, ?, ?) on conflict (organ_id) do nothing""")
                    .params(
                            agency.get("organId").toString(),
                            agency.get("name").toString(),
                            systemId,
                            agency.get("parentOrganId") == null
                                    ? null
                                    : agency.get("parentOrganId").toString(),
                            Timestamp.from(at))
                    .update();
            kept++;
        }
        return kept;
    }

    private DirectorySyncView recorded(DirectorySyncView outcome) {
        if (!outcome.succeeded()) {
            log.warn("Directory synchronization with the hub failed: {}", outcome.error());
        }
        jdbc.sql("""
                        insert into axis_directory_sync (id, at, published, listed, error) values (1, ?, ?, ?, ?)
                        on conflict (id) do update set at = excluded.at, published = excluded.published,
                          listed = excluded.listed, error = excluded.error""")
                .params(
                        Timestamp.from(outcome.at()),
                        outcome.published(),
                        outcome.listed(),
                        outcome.error() == null
                                ? null
                                : outcome.error()
                                        .substring(
                                                0, Math.min(500, outcome.error().length())))
                .update();
        return outcome;
    }
}
