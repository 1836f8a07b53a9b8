package vn.congvan.handling.incoming;

import java.util.Map;
import vn.congvan.handling.HandlingAuditAction;

/** One step of the handling, as the audit trail (and so the document's timeline) records it. */
record Step(HandlingAuditAction action, Map<String, String> details) {

    Step {
        details = Map.copyOf(details);
    }
}
