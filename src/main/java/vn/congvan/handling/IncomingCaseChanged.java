package vn.congvan.handling;

import java.util.UUID;

/** The handling of an incoming document took a step ({@code action}, e.g. {@code handling.assigned}). */
public record IncomingCaseChanged(UUID documentId, UUID unitId, CaseState state, String action, UUID actorId) {}
