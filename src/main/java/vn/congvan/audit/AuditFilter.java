package vn.congvan.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which records of the trail to read: actions starting with one of the prefixes (all when none),
 * done by someone whose name contains {@code actor}, recorded in {@code [from, to)}.
 */
public record AuditFilter(
        List<String> actionPrefixes,
        @Nullable String actor,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static final AuditFilter ALL = new AuditFilter(List.of(), null, null, null);

    public AuditFilter {
        actionPrefixes = List.copyOf(actionPrefixes);
        actor = actor == null || actor.isBlank() ? null : actor.strip();
    }
}
