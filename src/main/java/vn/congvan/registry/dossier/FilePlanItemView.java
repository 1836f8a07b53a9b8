package vn.congvan.registry.dossier;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line of a unit's file plan as the API and the pages show it. */
public record FilePlanItemView(
        UUID id,
        UUID unitId,
        int year,
        String fileNotation,
        String title,
        String maintenance,
        @Nullable UUID divisionId,
        @Nullable String divisionName) {}
