package vn.congvan.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * New names and codes of a unit; with {@code validTo} it closes the unit, and with a
 * {@code successorId} as well it records that the successor took over (merger or renaming).
 */
record UpdateUnit(
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

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate validTo,

        @Nullable UUID successorId) {

    UpdateUnit {
        name = Blank.toNull(name);
        shortName = Blank.toNull(shortName);
        abbreviation = Blank.toNull(abbreviation);
        legacyCode = Blank.toNull(legacyCode);
        code = Blank.toNull(code);
    }
}
