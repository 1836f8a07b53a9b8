package vn.congvan.handling;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The handling of an incoming document took a step ({@code action}, e.g. {@code handling.assigned});
 * {@code reason} is the clerk's when it was refused.
 */
public record IncomingCaseChanged(
        UUID documentId,
        UUID unitId,
        CaseState state,
        String action,
        UUID actorId,
        @Nullable String reason) {}
