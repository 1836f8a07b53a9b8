package vn.congvan.directory;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A name and codes a unit carried before, or those of a unit merged into it, with their period. */
public record UnitHistoryView(
        String name, @Nullable String legacyCode, @Nullable String code, LocalDate validFrom, LocalDate validTo) {}
