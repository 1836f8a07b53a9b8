package vn.congvan.handling.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.handling.CaseState;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.incoming.Assignment;
import vn.congvan.handling.incoming.CaseView;
import vn.congvan.handling.incoming.IncomingHandling;
import vn.congvan.handling.incoming.IncomingHandlingList;
import vn.congvan.platform.StepOutcome;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.storage.Download;

/**
 * The "Xử lý" section of an incoming document's page, loaded into it by htmx, with the forms of the
 * steps the official may take now; and the "my work" page.
 */
@Controller
class HandlingPages {

    private final IncomingHandling handling;
    private final WorkList work;
    private final DocumentFiles documents;
    private final Directory directory;
    private final StepOutcome outcome;
    private final WorkingCalendar calendar;
    private final IncomingHandlingList handlingList;
    private final vn.congvan.handling.incoming.FollowUpRegister followUp;

    HandlingPages(
            IncomingHandling handling,
            WorkList work,
            DocumentFiles documents,
            Directory directory,
            StepOutcome outcome,
            WorkingCalendar calendar,
            IncomingHandlingList handlingList,
            vn.congvan.handling.incoming.FollowUpRegister followUp) {
        this.calendar = calendar;
        this.handlingList = handlingList;
        this.followUp = followUp;
        this.handling = handling;
        this.work = work;
        this.documents = documents;
        this.directory = directory;
        this.outcome = outcome;
    }

    @GetMapping("/documents/{id}/handling")
    String section(@PathVariable UUID id, @AuthenticationPrincipal Official official, Model model) {
        DocumentView document = documents.readable(official, id);
        model.addAttribute("document", document);
        if (document.direction() != Direction.INCOMING) {
            return "handling/section :: none";
        }
        CaseView c = handling.view(official, id);
        List<PersonView> people = directory.people(document.unitId()).stream()
                .filter(PersonView::enabled)
                .toList();
        UUID me = official.personId();
        boolean clerk = official.holds(Role.CLERK, document.unitId());
        boolean directs =
                official.holds(Role.LEADER, document.unitId()) || official.holds(Role.DEPUTY_LEADER, document.unitId());
        boolean working = c.state() == CaseState.ASSIGNED || c.state() == CaseState.IN_PROGRESS;
        boolean lead = working && c.lead() != null && c.lead().id().equals(me);
        boolean supervises =
                working && c.supervisor() != null && c.supervisor().id().equals(me);
        boolean cooperates = working && c.cooperating().stream().anyMatch(p -> p.id().equals(me));
        model.addAttribute("handling", c);
        model.addAttribute("replyDocument", replyOf(official, c));
        model.addAttribute("people", people);
        model.addAttribute(
                "groups", PeopleByDivision.of(document.unitId(), directory.divisions(document.unitId()), people));
        LocalDate today = calendar.today();
        model.addAttribute("deadlineIn5", AssignmentDeadline.shown(calendar.plusWorkingDays(today, 5)));
        model.addAttribute("deadlineIn10", AssignmentDeadline.shown(calendar.plusWorkingDays(today, 10)));
        model.addAttribute(
                "proposedDeadline",
                AssignmentDeadline.proposed(document.metadata().dueDate(), calendar));
        model.addAttribute(
                "leaders",
                people.stream()
                        .filter(p -> p.positions().stream()
                                .anyMatch(pos -> pos.unitId().equals(document.unitId())
                                        && (pos.role() == Role.LEADER || pos.role() == Role.DEPUTY_LEADER)))
                        .toList());
        model.addAttribute(
                "mayPresent", clerk && (c.state() == CaseState.REGISTERED || c.state() == CaseState.PRESENTED));
        model.addAttribute("mayAssign", directs && c.state().open());
        model.addAttribute("mayWork", lead || supervises);
        model.addAttribute("mayDelegate", lead && (official.holds(Role.DIVISION_HEAD, document.unitId()) || directs));
        model.addAttribute("mayGiveOpinion", cooperates);
        return "handling/section :: section";
    }

    /** The reply the case records, when the official may read it (a secret reply may be kept from them). */
    private @Nullable DocumentView replyOf(Official official, CaseView c) {
        if (c.replyDocumentId() == null) {
            return null;
        }
        try {
            return documents.readable(official, c.replyDocumentId());
        } catch (vn.congvan.shared.DomainException e) {
            return null;
        }
    }

    @PostMapping("/documents/{id}/handling/present")
    String present(
            @PathVariable UUID id,
            @RequestParam UUID leaderId,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step(id, redirect, () -> handling.present(official, id, leaderId));
    }

    @PostMapping("/documents/{id}/handling/assign")
    String assign(
            @PathVariable UUID id,
            @RequestParam UUID leadId,
            @RequestParam(required = false) @Nullable List<UUID> cooperatingIds,
            @RequestParam(required = false) @Nullable List<UUID> informedIds,
            @RequestParam(required = false) @Nullable String direction,
            @RequestParam(required = false) @Nullable String deadline,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step(
                id,
                redirect,
                () -> handling.assign(
                        official,
                        id,
                        new Assignment(
                                leadId, cooperatingIds, informedIds, direction, AssignmentDeadline.read(deadline))));
    }

    @PostMapping("/documents/{id}/handling/delegate")
    String delegate(
            @PathVariable UUID id,
            @RequestParam UUID leadId,
            @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step(id, redirect, () -> handling.delegate(official, id, leadId, note));
    }

    @PostMapping("/documents/{id}/handling/progress")
    String progress(
            @PathVariable UUID id,
            @RequestParam String note,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step(id, redirect, () -> handling.recordProgress(official, id, note));
    }

    @PostMapping("/documents/{id}/handling/return")
    String returnBack(
            @PathVariable UUID id,
            @RequestParam String reason,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step(id, redirect, () -> handling.returnBack(official, id, reason));
    }

    /**
     * Completes the handling; with {@code then=reply} (the button "complete and draft the reply"), the
     * official goes on to the new draft prefilled as the reply, once the handling is completed.
     */
    @PostMapping("/documents/{id}/handling/complete")
    String complete(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String then,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        String back = step(id, redirect, () -> handling.complete(official, id, note, null, null));
        if ("reply".equals(then) && !redirect.getFlashAttributes().containsKey("stepProblem")) {
            outcome.done(redirect, "handling.ui.completedNowReply");
            return "redirect:/drafts/new?replyTo=" + id;
        }
        return back;
    }

    @PostMapping("/documents/{id}/handling/refuse")
    String refuse(
            @PathVariable UUID id,
            @RequestParam String reason,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step(id, redirect, () -> handling.refuse(official, id, reason));
    }

    @GetMapping("/my-work")
    String myWork(
            @RequestParam(required = false) @Nullable String show,
            @AuthenticationPrincipal Official official,
            Model model) {
        String filter = WorkFilter.named(show);
        List<vn.congvan.handling.work.WorkItem> items = work.of(official);
        model.addAttribute(
                "items",
                filter == null
                        ? items
                        : items.stream().filter(WorkFilter.of(filter)).toList());
        model.addAttribute("filter", filter);
        List<UUID> watched = official.memberships().stream()
                .filter(m -> m.role() == Role.CLERK
                        || m.role() == Role.LEADER
                        || m.role() == Role.DEPUTY_LEADER
                        || m.role() == Role.DIVISION_HEAD)
                .map(vn.congvan.shared.Membership::unitId)
                .distinct()
                .toList();
        model.addAttribute("watchedUnits", watched.stream().map(directory::unit).toList());
        LocalDate today = LocalDate.now(vn.congvan.shared.VietnamTime.ZONE);
        model.addAttribute("from", today.withDayOfMonth(1));
        model.addAttribute("to", today);
        return "handling/my-work";
    }

    /**
     * A unit's incoming documents by where their handling stands (a tab each: not yet handled, in
     * progress, overdue, done) and its handling report for the month so far.
     */
    @GetMapping("/units/{id}/incoming-handling")
    String incomingHandling(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String tab,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal Official official,
            Model model) {
        var listing = handlingList.of(official, id, IncomingHandlingList.Tab.named(tab), page);
        LocalDate today = LocalDate.now(vn.congvan.shared.VietnamTime.ZONE);
        model.addAttribute("unit", directory.unit(id));
        model.addAttribute("listing", listing);
        model.addAttribute("report", followUp.report(official, id, today.withDayOfMonth(1), today));
        return "handling/incoming-handling";
    }

    /** The overdue list's address before the list had tabs: its tab. */
    @GetMapping("/units/{id}/overdue")
    String overdue(@PathVariable UUID id) {
        return "redirect:/units/" + id + "/incoming-handling?tab=overdue";
    }

    @GetMapping("/units/{id}/follow-up-register")
    void followUpRegister(
            @PathVariable UUID id,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(defaultValue = "PDF") vn.congvan.registry.RegisterFormat format,
            @AuthenticationPrincipal Official official,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        followUp.write(official, id, from, to, format, LocaleContextHolder.getLocale(), out);
        Download.export(
                response,
                "so-theo-doi-" + from + "-" + to + "." + format.extension(),
                org.springframework.http.MediaType.parseMediaType(format.contentType()));
        out.writeTo(response.getOutputStream());
    }

    private String step(UUID id, RedirectAttributes redirect, Runnable step) {
        return outcome.take("/documents/" + id + "#handling", redirect, step);
    }
}
