package vn.congvan.platform;

import java.util.List;
import vn.congvan.shared.Official;

/**
 * Implemented by modules that deliver documents to a unit: what of theirs waits in the clerk's one
 * tray of electronic arrivals, whatever way it came.
 */
public interface ArrivalTray {

    List<WaitingArrival> waitingFor(Official clerk);

    /** How many wait, for the home page's count: without describing each. */
    int countFor(Official clerk);
}
