package vn.congvan.handling.drafting;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Role;

/**
 * A step of a unit's approval route: who approves a draft there. {@code DIVISION_HEAD} without a
 * division is the head of the drafter's own division; with one, that division's head (the office).
 */
public record ApprovalStep(Role role, @Nullable UUID divisionId) {}
