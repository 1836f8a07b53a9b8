package vn.congvan.platform;

import java.util.Comparator;
import java.util.List;
import vn.congvan.shared.Official;

/**
 * Implemented by modules that deliver documents to a unit: what of theirs waits in the clerk's one
 * tray of electronic arrivals, whatever way it came.
 */
public interface ArrivalTray {

    /** Urgent first, then the longest waiting: the tray's order. */
    Comparator<WaitingArrival> URGENT_THEN_OLDEST =
            Comparator.comparing(WaitingArrival::urgent).reversed().thenComparing(WaitingArrival::arrivedAt);

    List<WaitingArrival> waitingFor(Official clerk);

    /** How many wait, for the home page's count: without describing each. */
    int countFor(Official clerk);

    /**
     * The first {@code limit} in the tray's order, for the home page: a tray that is costly to
     * describe in full describes only these.
     */
    default List<WaitingArrival> firstFor(Official clerk, int limit) {
        return waitingFor(clerk).stream()
                .sorted(URGENT_THEN_OLDEST)
                .limit(limit)
                .toList();
    }
}
