package vn.congvan.handling.web;

import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import vn.congvan.handling.work.WorkItem;

/** What "my work" may be narrowed to, by the {@code show} parameter a home tile links with. */
final class WorkFilter {

    static final String OVERDUE = "overdue";
    static final String APPROVE = "approve";
    static final String SIGN = "sign";
    static final List<String> ALL = List.of(OVERDUE, APPROVE, SIGN);

    private WorkFilter() {}

    /** The filter named, or null for a name that is none (the whole list is shown then). */
    static @Nullable String named(@Nullable String show) {
        return show != null && ALL.contains(show) ? show : null;
    }

    static Predicate<WorkItem> of(String filter) {
        return switch (filter) {
            case OVERDUE -> WorkItem::overdue;
            default -> item -> item.task().equals(filter);
        };
    }
}
