package vn.congvan.directory.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Role;

/** Taking a role away from a person in a unit (in one of its divisions when given). */
record RevokeRole(UUID unitId, @Nullable UUID divisionId, Role role) {}
