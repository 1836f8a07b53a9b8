package vn.congvan.exchange.axis;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * A plain exchange console for the IT officer: the hub in use, the last directory synchronization
 * (and a button for one now), the packages waiting or refused (each can be queued again) and the
 * latest packages sent and received. The whole installation's console is the administrator's and
 * the provincial IT officer's; the IT officer of a district or commune unit sees the part of their
 * own units only, and neither synchronizes the directory nor queues another unit's package again.
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

    private final vn.congvan.directory.Directory directory;

    private final boolean hub;

    AxisConsolePage(
            AxisConsole console,
            AxisOutbox outbox,
            OutsideAgencies agencies,
            AxisProperties settings,
            vn.congvan.exchange.outside.ReceivedStatuses statuses,
            vn.congvan.directory.Directory directory,
            @Value("${congvan.exchange.hub.enabled:false}") boolean hub) {
        this.hub = hub;
        this.directory = directory;
        this.statuses = statuses;
        this.console = console;
        this.outbox = outbox;
        this.agencies = agencies;
        this.settings = settings;
    }

    @GetMapping("/exchange/axis")
    String console(@AuthenticationPrincipal Official official, Model model) {
        Optional<AxisConsole.Part> part = partOf(official);
        model.addAttribute("whole", part.isEmpty());
        model.addAttribute("hubSystems", hub && official.isAdministrator());
        model.addAttribute("configured", settings.configured());
        model.addAttribute("hubUrl", settings.url());
        model.addAttribute("systemId", settings.systemId());
        model.addAttribute("lastSync", console.lastSync().orElse(null));
        model.addAttribute("agencies", agencies.list().size());
        if (part.isPresent()) {
            // Unreadable packages and statuses for unknown documents belong to no unit: the whole console's.
            model.addAttribute("waiting", console.outboxOf(part.get(), OutboxState.QUEUED, SHOWN));
            model.addAttribute("failedSends", console.outboxOf(part.get(), OutboxState.FAILED, SHOWN));
            model.addAttribute("failedReceipts", List.of());
            model.addAttribute("sent", console.outboxOf(part.get(), null, SHOWN));
            model.addAttribute("received", console.inboxOf(part.get(), SHOWN));
            model.addAttribute("unapplied", List.of());
        } else {
            model.addAttribute("waiting", console.waiting(SHOWN));
            model.addAttribute("failedSends", console.failedSends(SHOWN));
            model.addAttribute("failedReceipts", console.failedReceipts(SHOWN));
            model.addAttribute("sent", console.outbox(SHOWN));
            model.addAttribute("received", console.inbox(null, SHOWN));
            model.addAttribute("unapplied", statuses.unapplied(SHOWN));
        }
        model.addAttribute("zone", VietnamTime.ZONE);
        return "exchange/axis-console";
    }

    @PostMapping("/exchange/axis/sync")
    String sync(@AuthenticationPrincipal Official official) {
        if (partOf(official).isPresent()) {
            throw DomainException.forbidden("exchange.console.whole-only");
        }
        console.syncDirectory();
        return "redirect:/exchange/axis";
    }

    @PostMapping("/exchange/axis/outbox/{id}/retry")
    String retry(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        Optional<AxisConsole.Part> part = partOf(official);
        if (part.isPresent() && !console.holds(part.get(), id)) {
            throw DomainException.forbidden("exchange.console.whole-only");
        }
        outbox.retry(id);
        return "redirect:/exchange/axis";
    }

    /** Empty for the whole console (the administrator, an IT officer of a province-level unit). */
    private Optional<AxisConsole.Part> partOf(Official official) {
        if (official.isAdministrator()) {
            return Optional.empty();
        }
        Set<UUID> units = official.unitsWhere(Role.IT_OFFICER);
        Set<String> organs = new HashSet<>();
        for (UUID unitId : units) {
            UnitView unit = directory.findUnit(unitId).orElse(null);
            if (unit == null) {
                continue;
            }
            if (unit.level() == UnitLevel.PROVINCE) {
                return Optional.empty();
            }
            organs.add(unit.organId());
        }
        return Optional.of(new AxisConsole.Part(units, organs));
    }
}
