package vn.congvan.platform.web;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.congvan.platform.ArrivalTray;
import vn.congvan.platform.MyWork;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.platform.WorkTile;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Every module's arrivals in one tray, urgent first, then the longest waiting; counted on the clerk's
 * home page.
 */
@Component
class ArrivalTrays implements MyWork {

    private final List<ArrivalTray> trays;

    ArrivalTrays(List<ArrivalTray> trays) {
        this.trays = trays;
    }

    List<WaitingArrival> waitingFor(Official clerk) {
        return trays.stream()
                .flatMap(t -> t.waitingFor(clerk).stream())
                .sorted(ArrivalTray.URGENT_THEN_OLDEST)
                .toList();
    }

    /** The first {@code limit} arrivals waiting for the clerk, for the home page; none for others. */
    List<WaitingArrival> firstFor(Official official, int limit) {
        if (!official.holdsAnywhere(Role.CLERK)) {
            return List.of();
        }
        return trays.stream()
                .flatMap(t -> t.firstFor(official, limit).stream())
                .sorted(ArrivalTray.URGENT_THEN_OLDEST)
                .limit(limit)
                .toList();
    }

    @Override
    public List<WorkTile> tilesFor(Official official) {
        if (!official.holdsAnywhere(Role.CLERK)) {
            return List.of();
        }
        // Counted, not described: the home page is opened all day long.
        int waiting = trays.stream().mapToInt(t -> t.countFor(official)).sum();
        return List.of(new WorkTile(5, "tray.tile", waiting, "/arrivals", false));
    }
}
