package vn.congvan.handling.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.congvan.handling.work.WorkItem;
import vn.congvan.platform.MyWork;
import vn.congvan.platform.NextTask;
import vn.congvan.platform.WorkTile;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Handling's counts on the home page: what waits for the official, how much of it is overdue, and
 * for those who approve and sign, the drafts waiting for their approval and the documents for
 * their signature. Each tile opens "my work" showing just what it counts; the first items open in one click.
 */
@Component
class HandlingWork implements MyWork {

    private final WorkList work;

    HandlingWork(WorkList work) {
        this.work = work;
    }

    @Override
    public List<WorkTile> tilesFor(Official official) {
        List<WorkItem> items = itemsOf(official);
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

    @Override
    public List<NextTask> nextFor(Official official, int limit) {
        // The arrivals to register wait on the home page in the clerk's tray, with their button.
        return itemsOf(official).stream()
                .filter(i -> !i.task().equals("register"))
                .limit(limit)
                .map(i -> new NextTask(
                        i.task(),
                        i.taskKey(),
                        i.link(),
                        i.notation(),
                        i.subject(),
                        i.organName(),
                        i.urgent(),
                        i.deadline(),
                        i.workingDaysLeft()))
                .toList();
    }

    /** The official's work, read once for the home page's tiles and first items together. */
    private List<WorkItem> itemsOf(Official official) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return work.of(official);
        }
        String key = HandlingWork.class.getName() + "." + official.personId();
        @SuppressWarnings("unchecked")
        List<WorkItem> read = (List<WorkItem>) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (read == null) {
            read = work.of(official);
            request.setAttribute(key, read, RequestAttributes.SCOPE_REQUEST);
        }
        return read;
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
