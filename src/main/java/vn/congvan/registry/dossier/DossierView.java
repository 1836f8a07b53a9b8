package vn.congvan.registry.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A dossier with the metadata of Decree 30 Appendix VI (FileCode, Title, Maintenance, Rights,
 * Creator, Language, StartDate, EndDate, DocTotal, PageTotal, Description). Dates and totals are
 * its documents' while it is open, and fixed when it closes.
 */
public record DossierView(
        UUID id,
        UUID unitId,
        String unitName,
        int year,
        String fileNotation,
        String fileCode,
        @Nullable UUID filePlanItemId,
        String title,
        String maintenance,
        @Nullable String rights,
        UUID creatorId,
        String creator,
        String language,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        int docTotal,
        int pageTotal,
        @Nullable String description,
        DossierState state,
        Instant createdAt,
        @Nullable Instant closedAt) {

    public boolean open() {
        return state == DossierState.OPEN;
    }
}
