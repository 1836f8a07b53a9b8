package vn.congvan.registry.dossier;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a dossier's documents add up to: the first and last dates, how many, how many pages. */
record DossierTotals(
        @Nullable LocalDate startDate, @Nullable LocalDate endDate, int docTotal, int pageTotal) {}
