package vn.congvan.statistics.figures;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One document (or, for dossier metrics, one work dossier) counted in a figure: what a click on
 * the figure lists. {@code reference} is the number and notation, or the dossier's file code.
 */
public record FigureEntry(
        UUID id,
        boolean dossier,
        UUID unitId,
        LocalDate day,
        @Nullable String reference,
        String title,
        @Nullable String organName) {}
