package vn.congvan.handling.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.congvan.handling.work.WorkItem;
import vn.congvan.platform.MyWork;
import vn.congvan.platform.WorkTile;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Handling's counts on the home page: what waits for the official, how much of it is overdue, and
 * for those who approve and sign, the drafts waiting for their approval and the documents for
 * their signature. Each tile opens "my work" showing just what it counts.
 */
@Component
class HandlingWork implements MyWork {

    private final WorkList work;

    HandlingWork(WorkList work) {
        this.work = work;
    }

    @Override
    public List<WorkTile> tilesFor(Official official) {
        List<WorkItem> items = work.of(official);
        long overdue = items.stream().filter(WorkItem::overdue).count();
        List<WorkTile> tiles = new ArrayList<>(List.of(
                new WorkTile(1, "handling.work.tile", items.size(), "/my-work", false),
                new WorkTile(2, "handling.work.overdue", overdue, "/my-work?show=" + WorkFilter.OVERDUE, overdue > 0)));
        if (approvesOrSigns(official)) {
            tiles.add(tile(3, "handling.work.to-approve", items, WorkFilter.APPROVE));
            tiles.add(tile(4, "handling.work.to-sign", items, WorkFilter.SIGN));
        }
        return tiles;
    }

    private static WorkTile tile(int order, String label, List<WorkItem> items, String filter) {
        return new WorkTile(
                order, label, items.stream().filter(WorkFilter.of(filter)).count(), "/my-work?show=" + filter, false);
    }

    private static boolean approvesOrSigns(Official official) {
        return official.memberships().stream()
                .anyMatch(m ->
                        m.role() == Role.LEADER || m.role() == Role.DEPUTY_LEADER || m.role() == Role.DIVISION_HEAD);
    }
}
