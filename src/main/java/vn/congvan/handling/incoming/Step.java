package vn.congvan.handling.incoming;

import java.util.Map;

/** One step of the handling, as the audit trail (and so the document's timeline) records it. */
record Step(String action, Map<String, String> details) {

    Step {
        details = Map.copyOf(details);
    }
}
