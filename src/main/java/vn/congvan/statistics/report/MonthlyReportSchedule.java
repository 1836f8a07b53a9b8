package vn.congvan.statistics.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.congvan.shared.DomainException;

/**
 * Makes the month before's report on the first day of each month (or on the first run after it, when
 * no node was up): every node looks every hour; the claim of the month's row lets one make it.
 */
@Component
class MonthlyReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportSchedule.class);

    private final MonthlyReports reports;

    MonthlyReportSchedule(MonthlyReports reports) {
        this.reports = reports;
    }

    @Scheduled(fixedDelayString = "${congvan.statistics.report-check-interval:PT1H}", initialDelayString = "PT5M")
    void onSchedule() {
        try {
            reports.generateDue().ifPresent(outcome -> {
                if (outcome.madeNow()) {
                    log.info(
                            "Monthly report {} made by the scheduled run",
                            outcome.report().month());
                }
            });
        } catch (DomainException e) {
            // No report unit, or no key to seal with: the operator must act; the next run tries again.
            log.warn("The monthly report cannot be made: {} {}", e.code(), java.util.Arrays.toString(e.args()));
        }
    }
}
