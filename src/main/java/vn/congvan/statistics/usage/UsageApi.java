package vn.congvan.statistics.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.statistics.figures.Period;

/** The usage scores of a unit's officials for the quarterly checks, as JSON and as a spreadsheet. */
@RestController
@Tag(name = "statistics")
class UsageApi {

    private final UsageScores scores;
    private final UsageWorkbook workbook;

    UsageApi(UsageScores scores, UsageWorkbook workbook) {
        this.scores = scores;
        this.workbook = workbook;
    }

    @GetMapping("/api/v1/units/{id}/usage-scores")
    @Operation(
            operationId = "getUsageScores",
            summary = "What each official of the unit (a district with its communes) did in the software in a period"
                    + " ('period' 2026-Q3, a month, a year, or 'from' and 'to'; a running one up to today), scored by"
                    + " the configured formula or by 'formula', ranked in the unit and the district")
    UsageReport getUsageScores(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String formula,
            @AuthenticationPrincipal Official official) {
        return scores.scores(official, id, () -> period(period, from, to), formula);
    }

    @GetMapping("/api/v1/units/{id}/usage-scores/export")
    @Operation(
            operationId = "exportUsageScores",
            summary = "The usage scores as an XLSX spreadsheet for the training plan")
    ResponseEntity<Resource> exportUsageScores(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String formula,
            @AuthenticationPrincipal Official official,
            Locale locale) {
        return workbook.download(scores.scores(official, id, () -> period(period, from, to), formula), locale);
    }

    /** A quarter ({@code 2026-Q3}), a month, a year or {@code from..to}, or the two days given apart. */
    private static Period period(@Nullable String period, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (period != null && !period.isBlank()) {
            return Period.parse(period);
        }
        if (from == null || to == null) {
            throw DomainException.invalid("statistics.usage.period.required");
        }
        return Period.custom(from, to);
    }
}
