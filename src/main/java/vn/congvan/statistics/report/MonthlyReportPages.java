package vn.congvan.statistics.report;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.platform.StepOutcome;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.storage.Download;

/**
 * The monthly reports to the Chairman as pages: the list with their figures and files, and the
 * provincial monitor's request to make a month that has ended.
 */
@Controller
class MonthlyReportPages {

    private static final String REPORTS = "/statistics/reports";

    private final MonthlyReports reports;
    private final StepOutcome steps;

    MonthlyReportPages(MonthlyReports reports, StepOutcome steps) {
        this.reports = reports;
        this.steps = steps;
    }

    @GetMapping(REPORTS)
    String list(@AuthenticationPrincipal Official official, Model model) {
        model.addAttribute("reports", reports.list(official));
        model.addAttribute("maker", official.isProvincialMonitor() || official.isAdministrator());
        model.addAttribute("lastMonth", YearMonth.now(VietnamTime.ZONE).minusMonths(1));
        return "statistics/reports";
    }

    @PostMapping(REPORTS)
    String generate(
            @RequestParam String month, @AuthenticationPrincipal Official official, RedirectAttributes redirect) {
        try {
            MonthlyReports.Outcome outcome = reports.generate(official, MonthlyReportApi.month(month));
            redirect.addFlashAttribute("made", outcome.report().month().toString());
            redirect.addFlashAttribute("madeNow", outcome.madeNow());
        } catch (DomainException e) {
            steps.refused(redirect, e);
        }
        return "redirect:" + REPORTS;
    }

    @GetMapping(REPORTS + "/{month}/{format}")
    ResponseEntity<Resource> download(
            @PathVariable String month,
            @PathVariable RegisterFormat format,
            @AuthenticationPrincipal Official official) {
        YearMonth asked = MonthlyReportApi.month(month);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.download(official, asked, format, out);
        return Download.export(MonthlyReportApi.fileName(asked, format), MediaType.parseMediaType(format.contentType()))
                .body(new ByteArrayResource(out.toByteArray()));
    }
}
