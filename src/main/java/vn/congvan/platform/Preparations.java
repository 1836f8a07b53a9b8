package vn.congvan.platform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Work an installation does before people may work in it (the demo's year of documents, numbered in
 * date order): while any is under way the node is not ready (its health says so) and refuses
 * changes with a reason, so that nothing anyone records takes a number out of order.
 */
@Component
public class Preparations {

    private final Set<String> underWay = ConcurrentHashMap.newKeySet();

    /** {@code what}: a short name, shown in the health's details. */
    public void started(String what) {
        underWay.add(what);
    }

    public void finished(String what) {
        underWay.remove(what);
    }

    public Set<String> underWay() {
        return Set.copyOf(underWay);
    }
}
