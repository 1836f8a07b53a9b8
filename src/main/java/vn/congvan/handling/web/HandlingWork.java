package vn.congvan.handling.web;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.congvan.handling.work.WorkItem;
import vn.congvan.platform.MyWork;
import vn.congvan.platform.WorkTile;
import vn.congvan.shared.Official;

/** Handling's counts on the home page: what waits for the official, and how much of it is overdue. */
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
        return List.of(
                new WorkTile(1, "handling.work.tile", items.size(), "/my-work", false),
                new WorkTile(2, "handling.work.overdue", overdue, "/my-work", overdue > 0));
    }
}
