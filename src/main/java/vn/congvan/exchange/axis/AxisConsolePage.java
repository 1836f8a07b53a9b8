package vn.congvan.exchange.axis;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.congvan.exchange.AxisConsole;
import vn.congvan.exchange.AxisOutbox;
import vn.congvan.exchange.OutsideAgencies;
import vn.congvan.shared.VietnamTime;

/**
 * A plain exchange console for the IT officer: the hub in use, the last directory synchronization
 * (and a button for one now), the packages waiting or refused (each can be queued again) and the
 * latest packages sent and received.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'IT_OFFICER')")
class AxisConsolePage {

    static final int SHOWN = 50;

    private final AxisConsole console;
    private final AxisOutbox outbox;
    private final OutsideAgencies agencies;
    private final AxisProperties settings;
    private final vn.congvan.exchange.outside.ReceivedStatuses statuses;

    AxisConsolePage(AxisConsole console, AxisOutbox outbox, OutsideAgencies agencies, AxisProperties settings,
            vn.congvan.exchange.outside.ReceivedStatuses statuses) {
        this.statuses = statuses;
        this.console = console;
        this.outbox = outbox;
        this.agencies = agencies;
        this.settings = settings;
    }

    @GetMapping("/exchange/axis")
    String console(Model model) {
        model.addAttribute("configured", settings.configured());
        model.addAttribute("hubUrl", settings.url());
        model.addAttribute("systemId", settings.systemId());
        model.addAttribute("lastSync", console.lastSync().orElse(null));
        model.addAttribute("agencies", agencies.list().size());
        model.addAttribute("waiting", console.waiting(SHOWN));
        model.addAttribute("failedSends", console.failedSends(SHOWN));
        model.addAttribute("failedReceipts", console.failedReceipts(SHOWN));
        model.addAttribute("sent", console.outbox(SHOWN));
        model.addAttribute("received", console.inbox(null, SHOWN));
        model.addAttribute("unapplied", statuses.unapplied(SHOWN));
        model.addAttribute("zone", VietnamTime.ZONE);
        return "exchange/axis-console";
    }

    @PostMapping("/exchange/axis/sync")
    String sync() {
        console.syncDirectory();
        return "redirect:/exchange/axis";
    }

    @PostMapping("/exchange/axis/outbox/{id}/retry")
    String retry(@PathVariable UUID id) {
        outbox.retry(id);
        return "redirect:/exchange/axis";
    }
}
