package vn.congvan.handling.incoming;

import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentRegistered;

/**
 * Opens the handling case of every registered incoming document, so that it waits in the clerk's
 * work to be presented. A step taken before this runs opens the case itself.
 */
@Component
class CaseOpening {

    private final IncomingCases cases;
    private final Clock clock;

    CaseOpening(IncomingCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DocumentRegistered registered) {
        if (registered.direction() == Direction.INCOMING) {
            cases.open(registered.documentId(), registered.unitId(), registered.urgent(), clock.instant());
        }
    }
}
