package vn.congvan.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Adding a division (phòng, ban) to a unit. */
record CreateDivision(
        @NotBlank(message = "{directory.validation.name-required}")
        @Size(max = 200, message = "{directory.validation.division-name-too-long}")
        @Nullable
        String name,

        @NotBlank(message = "{directory.validation.abbreviation-required}")
        @Size(max = 20, message = "{directory.validation.abbreviation-too-long}")
        @Nullable
        String abbreviation) {

    CreateDivision {
        name = Blank.toNull(name);
        abbreviation = Blank.toNull(abbreviation);
    }

    static CreateDivision empty() {
        return new CreateDivision(null, null);
    }
}
