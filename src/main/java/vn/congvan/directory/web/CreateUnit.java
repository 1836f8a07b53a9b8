package vn.congvan.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.UnitKind;

/** Opening a unit under a parent (none for a province's People's Committee). */
record CreateUnit(
        @Nullable UUID parentId,

        @NotNull(message = "{directory.validation.kind-required}") @Nullable
        UnitKind kind,

        @NotBlank(message = "{directory.validation.name-required}")
        @Size(max = 200, message = "{directory.validation.unit-name-too-long}")
        @Nullable
        String name,

        @Size(max = 100, message = "{directory.validation.short-name-too-long}") @Nullable
        String shortName,

        @NotBlank(message = "{directory.validation.abbreviation-required}")
        @Size(max = 20, message = "{directory.validation.abbreviation-too-long}")
        @Nullable
        String abbreviation,

        @Pattern(regexp = UnitCodes.LEGACY, message = "{directory.validation.legacy-code-format}") @Nullable
        String legacyCode,

        @Size(max = 35, message = "{directory.validation.code-too-long}") @Nullable
        String code,

        @Nullable LocalDate validFrom) {

    CreateUnit {
        name = Blank.toNull(name);
        shortName = Blank.toNull(shortName);
        abbreviation = Blank.toNull(abbreviation);
        legacyCode = Blank.toNull(legacyCode);
        code = Blank.toNull(code);
    }

    static CreateUnit under(@Nullable UUID parentId) {
        return new CreateUnit(parentId, null, null, null, null, null, null, null);
    }
}
