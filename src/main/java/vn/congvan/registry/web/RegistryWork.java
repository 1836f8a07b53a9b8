package vn.congvan.registry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.platform.MyWork;
import vn.congvan.platform.Shortcut;
import vn.congvan.platform.WorkTile;
import vn.congvan.registry.search.Glance;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * The registry's counts on the home page (what arrived and what was issued in the official's units),
 * and for a clerk the registration of an arriving document one click away.
 */
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
        if (official.unitIds().isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        List<WorkTile> tiles = new ArrayList<>();
        tiles.add(tile(10, "registry.work.arrivedToday", Glance.ARRIVED_TODAY, "/incoming", false, official, today));
        tiles.add(
                tile(20, "registry.work.urgentThisWeek", Glance.URGENT_THIS_WEEK, "/incoming", true, official, today));
        tiles.add(tile(30, "registry.work.dueThisWeek", Glance.DUE_THIS_WEEK, "/incoming", true, official, today));
        if (official.holdsAnywhere(Role.CLERK)) {
            tiles.add(tile(
                    40,
                    "registry.work.issuedThisMonth",
                    Glance.ISSUED_THIS_MONTH,
                    "/outgoing",
                    false,
                    official,
                    today));
        }
        return tiles;
    }

    @Override
    public List<Shortcut> shortcutsFor(Official official) {
        return official.holdsAnywhere(Role.CLERK)
                ? List.of(new Shortcut(10, "registry.work.registerIncoming", "/incoming/new"))
                : List.of();
    }

    /** A tile counting a glance, opening the list filtered by it. */
    private WorkTile tile(
            int order, String label, Glance glance, String list, boolean urgent, Official official, LocalDate today) {
        Glance.Condition condition = glance.condition(official, today);
        long count = jdbc.sql("select count(*) from document d where " + condition.sql())
                .params(condition.params())
                .query(Long.class)
                .single();
        return new WorkTile(order, label, count, list + "?show=" + glance.parameter(), urgent);
    }
}
