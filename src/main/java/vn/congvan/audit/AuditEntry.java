package vn.congvan.audit;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Official;

/**
 * One change to record in the audit trail: what was done ({@code action}, from its module's
 * catalogue), to what ({@code subjectType}, {@code subjectId}), in which unit,
 * by whom, with details as text pairs. Text that PostgreSQL cannot keep as given (NUL, unpaired
 * surrogates) becomes U+FFFD here, so that what is hashed is exactly what is stored.
 */
public record AuditEntry(
        AuditAction action,
        String subjectType,
        String subjectId,
        @Nullable UUID unitId,
        @Nullable UUID actorId,
        String actorName,
        Map<String, String> details) {

    public AuditEntry {
        if (!storable("action", action.value(), 100).equals(action.value())) {
            throw new IllegalArgumentException("action must be storable as it is: \"" + action.value() + "\"");
        }
        subjectType = storable("subjectType", subjectType, 50);
        subjectId = storable("subjectId", subjectId, 100);
        actorName = storable("actorName", actorName, 100);
        SortedMap<String, String> sorted = new TreeMap<>();
        details.forEach((key, value) -> sorted.put(storable(key), storable(value)));
        details = Collections.unmodifiableSortedMap(sorted);
    }

    /** An entry for a change made by a signed-in official. */
    public static AuditEntry by(
            Official actor,
            AuditAction action,
            String subjectType,
            String subjectId,
            @Nullable UUID unitId,
            Map<String, String> details) {
        return new AuditEntry(action, subjectType, subjectId, unitId, actor.personId(), actor.fullName(), details);
    }

    private static String storable(String field, String text, int maxCharacters) {
        String clean = storable(text);
        if (clean.isBlank() || clean.codePointCount(0, clean.length()) > maxCharacters) {
            throw new IllegalArgumentException(
                    field + " must be 1 to " + maxCharacters + " characters: \"" + clean + "\"");
        }
        return clean;
    }

    private static String storable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedHigh) {
                clean.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                clean.append('\uFFFD');
            } else {
                clean.append(c);
            }
        }
        return clean.toString();
    }
}
