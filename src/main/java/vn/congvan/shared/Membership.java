package vn.congvan.shared;

import java.io.Serializable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A role that a person holds in one unit, optionally inside one of its divisions. */
public record Membership(UUID unitId, @Nullable UUID divisionId, Role role) implements Serializable {}
