package vn.congvan.registry.dossier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line to add to a unit's file plan for a year: the dossier the unit means to keep. */
public record NewFilePlanItem(
        @NotNull(message = "validation.required") UUID unitId,

        @NotNull(message = "validation.required")
        @Min(value = OpenDossier.FIRST_YEAR, message = "validation.range")
        @Max(value = OpenDossier.LAST_YEAR, message = "validation.range")
        Integer year,

        @NotBlank(message = "validation.required")
        @Size(max = 20, message = "validation.too-long")
        @Pattern(regexp = OpenDossier.NOTATION, message = "registry.dossier.notation.pattern")
        String fileNotation,

        @NotBlank(message = "validation.required") @Size(max = 500, message = "validation.too-long")
        String title,

        @NotBlank(message = "validation.required") @Size(max = 30, message = "validation.too-long")
        String maintenance,

        @Nullable UUID divisionId) {

    public NewFilePlanItem {
        fileNotation = Trimmed.orNull(fileNotation);
        title = Trimmed.orNull(title);
        maintenance = Trimmed.orNull(maintenance);
    }
}
