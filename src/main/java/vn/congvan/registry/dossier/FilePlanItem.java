package vn.congvan.registry.dossier;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line of a unit's file plan (danh mục hồ sơ) for a year: a dossier the unit means to keep. */
record FilePlanItem(
        UUID id,
        UUID unitId,
        int year,
        String fileNotation,
        String title,
        String maintenance,
        @Nullable UUID divisionId,
        UUID createdBy,
        Instant createdAt) {

    static FilePlanItem plan(NewFilePlanItem item, UUID by, Instant now) {
        return new FilePlanItem(
                UUID.randomUUID(),
                item.unitId(),
                item.year(),
                item.fileNotation(),
                item.title(),
                item.maintenance(),
                item.divisionId(),
                by,
                now);
    }
}
