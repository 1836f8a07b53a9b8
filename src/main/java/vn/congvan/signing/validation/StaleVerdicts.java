package vn.congvan.signing.validation;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes again, soon after start and then regularly, the kept verdicts that may be wrong now: those
 * made against other trust anchors (an authority configured since must not stay "untrusted"), and
 * those due (a certificate expired since, revocation data that could not be had).
 */
@Component
class StaleVerdicts {

    private static final Logger log = LoggerFactory.getLogger(StaleVerdicts.class);

    /** One run's share of the background threads, so that reminders and mails are not held up. */
    private static final Duration BUDGET = Duration.ofMinutes(5);

    private final KeptValidations kept;

    StaleVerdicts(KeptValidations kept) {
        this.kept = kept;
    }

    @Scheduled(
            initialDelayString = "${congvan.signing.revalidation-delay:PT1M}",
            fixedDelayString = "${congvan.signing.revalidation-interval:PT10M}")
    void onSchedule() {
        int done = kept.revalidateStale(BUDGET);
        if (done > 0) {
            log.info("Validated the signatures of {} PDF content(s) again (trust anchors changed, or due)", done);
        }
    }
}
