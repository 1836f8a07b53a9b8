package vn.congvan.directory.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Role;

/** Creating an account for a person, with the first role they hold. */
record CreatePerson(
        @NotBlank(message = "{directory.validation.username-required}")
        @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,99}$", message = "{directory.validation.username-format}")
        @Nullable
        String username,

        @NotBlank(message = "{directory.validation.full-name-required}")
        @Size(max = 50, message = "{directory.validation.full-name-too-long}")
        @Nullable
        String fullName,

        @Email(message = "{directory.validation.email-format}")
        @Size(max = 200, message = "{directory.validation.email-too-long}")
        @Nullable
        String email,

        @NotBlank(message = "{directory.validation.password-required}")
        @Size(min = 12, max = 200, message = "{directory.validation.password-length}")
        @Nullable
        String password,

        @NotNull(message = "{directory.validation.unit-required}") @Nullable
        UUID unitId,

        @Nullable UUID divisionId,

        @NotNull(message = "{directory.validation.role-required}") @Nullable
        Role role,

        @Size(max = 100, message = "{directory.validation.title-too-long}") @Nullable
        String positionTitle) {

    CreatePerson {
        username = Blank.toNull(username);
        fullName = Blank.toNull(fullName);
        email = Blank.toNull(email);
        positionTitle = Blank.toNull(positionTitle);
    }

    static CreatePerson in(@Nullable UUID unitId) {
        return new CreatePerson(null, null, null, null, unitId, null, null, null);
    }

    @Override
    public String toString() {
        return "CreatePerson[" + username + "]";
    }
}
