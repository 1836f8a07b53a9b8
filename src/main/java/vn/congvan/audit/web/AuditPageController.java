package vn.congvan.audit.web;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.audit.AuditFilter;
import vn.congvan.audit.AuditRecordView;
import vn.congvan.audit.AuditTrail;
import vn.congvan.shared.VietnamTime;

/** The administrator's page of the audit trail: the newest records and a button to verify the chain. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String records(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @Nullable ActionGroup group,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        int current = Math.max(page, 0);
        @Nullable LocalDate fromDay = day(from, model);
        @Nullable LocalDate toDay = day(to, model);
        AuditFilter filter = new AuditFilter(
                group == null ? List.of() : group.prefixes(),
                actor,
                fromDay == null ? null : fromDay.atStartOfDay(VietnamTime.ZONE).toInstant(),
                toDay == null
                        ? null
                        : toDay.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
        // One more than shown tells whether an older page exists.
        List<AuditRecordView> records = trail.recent(filter, PAGE_SIZE + 1, current * PAGE_SIZE);
        model.addAttribute("records", records.subList(0, Math.min(records.size(), PAGE_SIZE)));
        model.addAttribute("page", current);
        model.addAttribute("hasOlder", records.size() > PAGE_SIZE);
        model.addAttribute("zone", VietnamTime.ZONE);
        model.addAttribute("groups", ActionGroup.values());
        model.addAttribute("subjects", new SubjectPages());
        model.addAttribute("group", group);
        model.addAttribute("actor", filter.actor());
        model.addAttribute("from", shown(from, fromDay));
        model.addAttribute("to", shown(to, toDay));
        return "audit/records";
    }

    /** A day as people write it (dd/MM/yyyy, or ISO); unreadable, the filter is left out and said so. */
    private static @Nullable LocalDate day(@Nullable String text, Model model) {
        if (text == null || text.isBlank()) {
            return null;
        }
        java.util.Optional<LocalDate> day = VietnamTime.readDay(text);
        if (day.isPresent()) {
            return day.get();
        }
        model.addAttribute("unreadableDay", text.strip());
        return null;
    }

    /** The day as people write it, or what was typed when it names none (kept in its field). */
    private static @Nullable String shown(@Nullable String typed, @Nullable LocalDate day) {
        return day != null ? VietnamTime.DAY.format(day) : typed;
    }

    /** With htmx, only the result replaces the placeholder; without, the whole page shows it. */
    @GetMapping("/audit/verification")
    String verification(@RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx, Model model) {
        model.addAttribute("verification", trail.verify());
        if (htmx) {
            return "audit/verification :: result";
        }
        return records(0, null, null, null, null, model);
    }
}
