package vn.congvan.exchange.web;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.exchange.AxisConsole;
import vn.congvan.exchange.AxisOutbox;
import vn.congvan.exchange.outside.ReceivedStatuses;
import vn.congvan.platform.StepOutcome;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * The exchange console of the IT officer: what waits to be sent and why it is retried, what the hub
 * refused, what was received and what could not be read or applied, and the agency directory's
 * last synchronization, with a retry and a synchronize-now button.
 */
@Controller
class ExchangeConsolePages {

    private static final String CONSOLE = "/exchange/console";
    private static final int ROWS = 50;

    private final AxisConsole console;
    private final AxisOutbox outbox;
    private final ReceivedStatuses statuses;
    private final StepOutcome steps;

    ExchangeConsolePages(AxisConsole console, AxisOutbox outbox, ReceivedStatuses statuses, StepOutcome steps) {
        this.console = console;
        this.outbox = outbox;
        this.statuses = statuses;
        this.steps = steps;
    }

    @GetMapping(CONSOLE)
    String console(@AuthenticationPrincipal Official official, Model model) {
        itOfficer(official);
        model.addAttribute("configured", outbox.configured());
        model.addAttribute("waiting", console.waiting(ROWS));
        model.addAttribute("failedSends", console.failedSends(ROWS));
        model.addAttribute("sent", console.outbox(ROWS));
        model.addAttribute("inbox", console.inbox(null, ROWS));
        model.addAttribute("failedReceipts", console.failedReceipts(ROWS));
        model.addAttribute("unapplied", statuses.unapplied(ROWS));
        model.addAttribute("lastSync", console.lastSync().orElse(null));
        return "exchange/console";
    }

    @PostMapping(CONSOLE + "/outbox/{id}/retry")
    String retry(@PathVariable UUID id, @AuthenticationPrincipal Official official, RedirectAttributes redirect) {
        return steps.take(CONSOLE, redirect, () -> {
            itOfficer(official);
            if (!outbox.retry(id)) {
                throw DomainException.conflict("exchange.console.not-failed");
            }
        });
    }

    @PostMapping(CONSOLE + "/directory-sync")
    String sync(@AuthenticationPrincipal Official official, RedirectAttributes redirect) {
        return steps.take(CONSOLE, redirect, () -> {
            itOfficer(official);
            console.syncDirectory();
        });
    }

    static void itOfficer(Official official) {
        if (!official.isAdministrator() && !official.holdsAnywhere(Role.IT_OFFICER)) {
            throw DomainException.forbidden("exchange.console.it-officer-only");
        }
    }
}
