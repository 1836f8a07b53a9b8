package vn.congvan.statistics.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.HoldsRole;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.storage.Download;

/** The monthly reports to the Chairman: made on request, listed, downloaded as PDF or XLSX. */
@RestController
@Tag(name = "statistics")
class MonthlyReportApi {

    private final MonthlyReports reports;

    MonthlyReportApi(MonthlyReports reports) {
        this.reports = reports;
    }

    /** The month to make, {@code 2026-11}. */
    record Generation(String month) {}

    @PostMapping("/api/v1/monthly-reports")
    @HoldsRole(
            value = {},
            unit = "",
            anywhere = {Role.PROVINCIAL_MONITOR, Role.ADMINISTRATOR},
            refusal = "statistics.report.not-allowed")
    @Operation(
            operationId = "generateMonthlyReport",
            summary = "The provincial monitor or the administrator makes the report of a month that has ended (201);"
                    + " a month made already answers its report (200), one being made 409")
    ResponseEntity<MonthlyReportView> generateMonthlyReport(
            @RequestBody Generation body, @AuthenticationPrincipal Official official) {
        MonthlyReports.Outcome outcome = reports.generate(official, month(body.month()));
        return ResponseEntity.status(outcome.madeNow() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.report());
    }

    @GetMapping("/api/v1/monthly-reports")
    @Operation(operationId = "listMonthlyReports", summary = "The monthly reports made, the latest month first")
    List<MonthlyReportView> listMonthlyReports(@AuthenticationPrincipal Official official) {
        return reports.list(official);
    }

    @GetMapping("/api/v1/monthly-reports/{month}")
    @Operation(
            operationId = "downloadMonthlyReport",
            summary = "A month's report: the PDF sealed by the IT centre, or the XLSX of the rankings")
    ResponseEntity<Resource> downloadMonthlyReport(
            @PathVariable String month,
            @RequestParam(defaultValue = "PDF") RegisterFormat format,
            @AuthenticationPrincipal Official official) {
        YearMonth asked = month(month);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.download(official, asked, format, out);
        return Download.export(fileName(asked, format), MediaType.parseMediaType(format.contentType()))
                .body(new ByteArrayResource(out.toByteArray()));
    }

    static String fileName(YearMonth month, RegisterFormat format) {
        return "bao-cao-thang-" + month + "." + format.extension();
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (RuntimeException e) {
            throw DomainException.invalid("statistics.report.month-unreadable", text);
        }
    }
}
