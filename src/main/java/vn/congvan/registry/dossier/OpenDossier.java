package vn.congvan.registry.dossier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a member of a unit gives to open a dossier. From a file-plan item, the notation and the
 * year are the item's and the title and retention default to it; on its own, the unit, notation,
 * title and retention are needed and the year defaults to the current one.
 */
public record OpenDossier(
        @Nullable UUID unitId,
        @Nullable UUID filePlanItemId,

        @Min(value = FIRST_YEAR, message = "validation.range")
        @Max(value = LAST_YEAR, message = "validation.range")
        @Nullable
        Integer year,

        @Size(max = 20, message = "validation.too-long")
        @Pattern(regexp = NOTATION, message = "registry.dossier.notation.pattern")
        @Nullable
        String fileNotation,

        @Size(max = 500, message = "validation.too-long") @Nullable
        String title,

        @Size(max = 30, message = "validation.too-long") @Nullable
        String maintenance,

        @Size(max = 100, message = "validation.too-long") @Nullable
        String rights,

        @Size(max = 30, message = "validation.too-long") @Nullable
        String language,

        @Size(max = 500, message = "validation.too-long") @Nullable
        String description) {

    static final int FIRST_YEAR = 1945;
    static final int LAST_YEAR = 2100;

    /** Letters, digits, dots and hyphens: the notation ends the file code and names the exported files. */
    static final String NOTATION = "[\\p{L}\\p{N}.-]+";

    public OpenDossier {
        fileNotation = Trimmed.orNull(fileNotation);
        title = Trimmed.orNull(title);
        maintenance = Trimmed.orNull(maintenance);
        rights = Trimmed.orNull(rights);
        language = Trimmed.orNull(language);
        description = Trimmed.orNull(description);
    }
}
