package vn.congvan.registry.search;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.Direction;

/**
 * A tab of the list of incoming or of outgoing documents (văn bản đến, văn bản đi): each tab but
 * {@link #ALL} holds the documents of its list no other tab of it holds. An incoming document stands
 * where its handling stands ({@link vn.congvan.registry.HandlingProgress}, alias {@code h}) and by its
 * deadline, the handling's or else its own due date, passed before today in Vietnam ({@code t.today}):
 * late, it is overdue whether assigned or not. An outgoing document stands by its status in the
 * register.
 */
public enum ListTab {
    ALL(null, false, "true"),
    NOT_ASSIGNED(Direction.INCOMING, true, Sql.OPEN + " and h.is_assigned is not true and not " + Sql.LATE),
    IN_HANDLING(Direction.INCOMING, true, Sql.OPEN + " and h.is_assigned and not " + Sql.LATE),
    OVERDUE(Direction.INCOMING, true, Sql.OPEN + " and " + Sql.LATE),
    DONE(Direction.INCOMING, true, "d.status <> 'REVOKED' and h.is_closed"),
    AWAITING_ISSUE(Direction.OUTGOING, false, "d.status = 'PREPARED'"),
    ISSUED(Direction.OUTGOING, false, "d.status = 'ISSUED'"),
    REVOKED(null, false, "d.status = 'REVOKED'");

    /** The conditions the incoming tabs share, apart: an enum's constants cannot name its own constants. */
    private static final class Sql {
        static final String OPEN = "d.status <> 'REVOKED' and h.is_closed is not true";
        static final String LATE = "coalesce(h.deadline, d.due_date, t.today) < t.today";
    }

    private final @Nullable Direction direction;
    private final boolean readsProgress;
    private final String condition;

    ListTab(@Nullable Direction direction, boolean readsProgress, String condition) {
        this.direction = direction;
        this.readsProgress = readsProgress;
        this.condition = condition;
    }

    /** The tabs of a list, in the order they are shown. */
    public static List<ListTab> of(Direction direction) {
        return Arrays.stream(values())
                .filter(t -> t.direction == null || t.direction == direction)
                .toList();
    }

    /** The tab of a list by its {@code tab} parameter; every document for a name that is none of its tabs. */
    public static ListTab named(@Nullable String parameter, Direction direction) {
        for (ListTab t : of(direction)) {
            if (t.parameter().equals(parameter)) {
                return t;
            }
        }
        return ALL;
    }

    public String parameter() {
        return name().toLowerCase().replace('_', '-');
    }

    public String messageKey() {
        return "registry.list.tab." + name();
    }

    /** Its documents are late: the tab, and the deadline of each of them, are shown in the late style. */
    public boolean late() {
        return this == OVERDUE;
    }

    /** A condition on the documents {@code d}, with the handling's progress {@code h} and today {@code t} when it reads them. */
    String condition() {
        return condition;
    }

    boolean readsProgress() {
        return readsProgress;
    }
}
