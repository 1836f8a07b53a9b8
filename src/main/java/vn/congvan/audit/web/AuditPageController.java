package vn.congvan.audit.web;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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
    String records(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        // One more than shown tells whether an older page exists.
        List<AuditRecordView> records = trail.recent(PAGE_SIZE + 1, current * PAGE_SIZE);
        model.addAttribute("records", records.subList(0, Math.min(records.size(), PAGE_SIZE)));
        model.addAttribute("page", current);
        model.addAttribute("hasOlder", records.size() > PAGE_SIZE);
        model.addAttribute("zone", VietnamTime.ZONE);
        return "audit/records";
    }

    /** With htmx, only the result replaces the placeholder; without, the whole page shows it. */
    @GetMapping("/audit/verification")
    String verification(@RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx, Model model) {
        model.addAttribute("verification", trail.verify());
        if (htmx) {
            return "audit/verification :: result";
        }
        return records(0, model);
    }
}
