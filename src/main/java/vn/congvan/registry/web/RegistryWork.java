package vn.congvan.registry.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.platform.MyWork;
import vn.congvan.platform.WorkTile;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/** The registry's counts on the home page: what arrived and what was issued in the official's units. */
@Component
class RegistryWork implements MyWork {

    private final JdbcClient jdbc;
    private final Clock clock;

    RegistryWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<WorkTile> tilesFor(Official official) {
        UUID[] units = official.unitIds().toArray(new UUID[0]);
        if (units.length == 0) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        Timestamp startOfDay =
                Timestamp.from(today.atStartOfDay(VietnamTime.ZONE).toInstant());
        Timestamp weekAgo =
                Timestamp.from(today.minusDays(7).atStartOfDay(VietnamTime.ZONE).toInstant());
        List<WorkTile> tiles = new ArrayList<>();
        tiles.add(new WorkTile(
                10,
                "registry.work.arrivedToday",
                count("direction = 'INCOMING' and created_at >= ?", units, startOfDay),
                "/incoming",
                false));
        tiles.add(new WorkTile(
                20,
                "registry.work.urgentThisWeek",
                count("direction = 'INCOMING' and priority > 0 and created_at >= ?", units, weekAgo),
                "/incoming",
                true));
        tiles.add(new WorkTile(
                30,
                "registry.work.dueThisWeek",
                count(
                        "direction = 'INCOMING' and due_date between ?::date and ?::date",
                        units,
                        java.sql.Date.valueOf(today),
                        java.sql.Date.valueOf(today.plusDays(7))),
                "/incoming",
                true));
        if (official.holdsAnywhere(Role.CLERK)) {
            tiles.add(new WorkTile(
                    40,
                    "registry.work.issuedThisMonth",
                    count(
                            "direction = 'OUTGOING' and issued_date >= ?",
                            units,
                            java.sql.Date.valueOf(today.withDayOfMonth(1))),
                    "/outgoing",
                    false));
        }
        return tiles;
    }

    private long count(String condition, UUID[] units, Object... params) {
        List<Object> all = new ArrayList<>();
        all.add(units);
        all.addAll(List.of(params));
        return jdbc.sql("select count(*) from document where unit_id = any(?) and confidentiality = 0 and " + condition)
                .params(all)
                .query(Long.class)
                .single();
    }
}
