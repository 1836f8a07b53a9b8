package vn.congvan.directory.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Role;

/** Giving a person a role in a unit, optionally in one of its divisions, with the title they sign under. */
record GrantRole(
        @NotNull(message = "{directory.validation.unit-required}") @Nullable
        UUID unitId,

        @Nullable UUID divisionId,

        @NotNull(message = "{directory.validation.role-required}") @Nullable
        Role role,

        @Size(max = 100, message = "{directory.validation.title-too-long}") @Nullable
        String positionTitle) {

    GrantRole {
        positionTitle = Blank.toNull(positionTitle);
    }
}
