package vn.congvan.exchange.hub;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.platform.StepOutcome;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/**
 * The hub administrator's page of client systems: which organ codes each may publish in the hub's
 * directory, changed by writing them one a line (or separated by commas). Only on a hub.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class HubSystemsPage {

    /** A system as the page shows it: its codes one a line, as the form takes them back. */
    record SystemRow(
            String systemId,
            String organs,
            boolean none,
            @Nullable String setBy,
            @Nullable Instant setAt) {

        /** Given at the first start by {@code congvan.exchange.hub.initial-organs}, not by a person. */
        public boolean seeded() {
            return HubAllowances.SEEDED_BY.equals(setBy);
        }
    }

    private final HubProperties hub;
    private final HubAllowances allowances;
    private final StepOutcome steps;

    HubSystemsPage(HubProperties hub, HubAllowances allowances, StepOutcome steps) {
        this.hub = hub;
        this.allowances = allowances;
        this.steps = steps;
    }

    @GetMapping("/exchange/hub/systems")
    String systems(Model model) {
        hub.requireHub();
        model.addAttribute(
                "systems",
                allowances.list().stream()
                        .map(a -> new SystemRow(
                                a.systemId(),
                                String.join("\n", a.organs()),
                                a.organs().isEmpty(),
                                a.setBy(),
                                a.setAt()))
                        .toList());
        model.addAttribute("zone", VietnamTime.ZONE);
        return "exchange/hub-systems";
    }

    @PostMapping("/exchange/hub/systems/{systemId}/organs")
    String allow(
            @PathVariable String systemId,
            @RequestParam(defaultValue = "") String organs,
            @AuthenticationPrincipal Official administrator,
            RedirectAttributes redirect) {
        hub.requireHub();
        List<String> codes = Arrays.stream(organs.split("[,;\\s]+"))
                .filter(c -> !c.isBlank())
                .toList();
        return steps.take("/exchange/hub/systems", redirect, () -> allowances.set(administrator, systemId, codes));
    }
}
