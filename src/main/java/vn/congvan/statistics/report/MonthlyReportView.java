package vn.congvan.statistics.report;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A monthly report as it is listed: its month, whether it is ready, when it was made, how many units
 * it ranks, how many were below a target and how many officials were reminded, and its files' sizes.
 */
record MonthlyReportView(
        UUID id,
        YearMonth month,
        String state,
        @Nullable String issuer,
        @Nullable OffsetDateTime generatedAt,
        @Nullable Integer unitsRanked,
        @Nullable Integer unitsBelowTarget,
        @Nullable Integer remindersSent,
        @Nullable Long pdfSize,
        @Nullable Long xlsxSize) {}
