package vn.congvan.handling.web;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One step in the life of a document: who did what, when, with the details they gave. */
record TimelineEntry(
        Instant at, @Nullable String actorName, String action, String label, Map<String, String> details) {}
