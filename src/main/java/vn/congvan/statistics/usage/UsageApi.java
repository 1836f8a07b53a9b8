package vn.congvan.statistics.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.shared.Official;

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
    @Operation(operationId = "getUsageScores",
            summary = "What each official of the unit (a district with its communes) did in the software from one day"
                    + " to another, scored by the configured formula or by 'formula', ranked in the unit and district")
    UsageReport getUsageScores(@PathVariable UUID id, @RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String formula, @AuthenticationPrincipal Official official) {
        return scores.scores(official, id, from, to, formula);
    }

    @GetMapping("/api/v1/units/{id}/usage-scores/export")
    @Operation(operationId = "exportUsageScores",
            summary = "The usage scores as an XLSX spreadsheet for the training plan")
    ResponseEntity<Resource> exportUsageScores(@PathVariable UUID id, @RequestParam LocalDate from,
            @RequestParam LocalDate to, @RequestParam(required = false) @Nullable String formula,
            @AuthenticationPrincipal Official official, Locale locale) {
        UsageReport report = scores.scores(official, id, from, to, formula);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(report, locale, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(RegisterFormat.XLSX.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"diem-su-dung-" + from + "-" + to
                        + ".xlsx\"")
                .body(new ByteArrayResource(out.toByteArray()));
    }
}
