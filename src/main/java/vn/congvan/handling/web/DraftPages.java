package vn.congvan.handling.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.handling.drafting.Arrivals;
import vn.congvan.handling.drafting.DraftApproval;
import vn.congvan.handling.drafting.DraftReading;
import vn.congvan.handling.drafting.DraftState;
import vn.congvan.handling.drafting.DraftView;
import vn.congvan.handling.drafting.DraftWriting;
import vn.congvan.handling.drafting.IssuedDocumentChanges;
import vn.congvan.handling.drafting.Issuing;
import vn.congvan.handling.drafting.NewDraft;
import vn.congvan.platform.StepOutcome;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.PersonalSignatures;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.Download;

/**
 * The pages of drafting: a new draft, a draft with the steps the official may take on it, the
 * clerk's tray of arrivals, and the recipients of an issued document (loaded into its page).
 */
@Controller
class DraftPages {

    private final DraftWriting writing;
    private final DraftApproval approval;
    private final Issuing issuing;
    private final IssuedDocumentChanges changes;
    private final DraftReading reading;
    private final Arrivals arrivals;
    private final DocumentFiles documents;
    private final Directory directory;
    private final AuditTrail audit;
    private final Blobs blobs;
    private final StepOutcome outcome;
    private final DraftPdf pdf;
    private final PersonalSignatures signing;
    private final RecipientChoices recipientChoices;
    private final DraftForm form;

    DraftPages(
            DraftWriting writing,
            DraftApproval approval,
            Issuing issuing,
            IssuedDocumentChanges changes,
            DraftReading reading,
            Arrivals arrivals,
            DocumentFiles documents,
            Directory directory,
            AuditTrail audit,
            Blobs blobs,
            StepOutcome outcome,
            DraftPdf pdf,
            PersonalSignatures signing,
            RecipientChoices recipientChoices,
            DraftForm form) {
        this.recipientChoices = recipientChoices;
        this.form = form;
        this.pdf = pdf;
        this.signing = signing;
        this.writing = writing;
        this.approval = approval;
        this.issuing = issuing;
        this.changes = changes;
        this.reading = reading;
        this.arrivals = arrivals;
        this.documents = documents;
        this.directory = directory;
        this.audit = audit;
        this.blobs = blobs;
        this.outcome = outcome;
    }

    /** A new draft; with {@code replyTo}, the reply to that incoming document, its sender ticked. */
    @GetMapping("/drafts/new")
    String newDraft(
            @RequestParam(required = false) @Nullable UUID replyTo,
            @AuthenticationPrincipal Official official,
            Model model) {
        return form.shown(official, model, DraftForm.Entries.fresh(replyTo));
    }

    /**
     * Saves the new draft; with {@code then=submit}, submits it along its route in the same step, and
     * nothing is saved when the submission is refused. Refused, the form comes back as it was sent,
     * saying why, the file uploaded kept.
     */
    @PostMapping("/drafts")
    String create(
            @RequestParam UUID unitId,
            @RequestParam String typeName,
            @RequestParam String subject,
            @RequestParam(required = false) @Nullable UUID divisionId,
            @RequestParam(required = false) @Nullable Integer priority,
            @RequestParam(required = false) @Nullable List<UUID> recipientIds,
            @RequestParam(required = false) @Nullable List<String> outsideOrganIds,
            @RequestParam(required = false) @Nullable String submissionKey,
            @RequestParam(required = false) @Nullable String then,
            @RequestParam(required = false) @Nullable UUID replyTo,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "fileUploadId", required = false) @Nullable UUID fileUploadId,
            @RequestParam(name = "keptUploadId", required = false) @Nullable UUID keptUploadId,
            @AuthenticationPrincipal Official official,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        boolean submit = "submit".equals(then);
        boolean filePart = file != null && !file.isEmpty();
        // A file chosen again replaces the one kept from a refused attempt.
        UUID upload = fileUploadId != null || filePart ? fileUploadId : keptUploadId;
        try {
            List<NewDraft.Recipient> recipients = recipientChoices.chosen(recipientIds, outsideOrganIds);
            NewDraft wanted = new NewDraft(
                    unitId, typeName, subject, divisionId, priority, null, recipients, submissionKey, null, null);
            DraftView draft = pdf.read(
                    official,
                    upload,
                    file,
                    (name, in) -> submit
                            ? writing.createAndSubmit(official, wanted, replyTo, name, in)
                            : writing.create(official, wanted, replyTo, name, in));
            if (submit) {
                outcome.done(redirect, "handling.ui.savedAndSubmitted");
            }
            return "redirect:/drafts/" + draft.id();
        } catch (DomainException e) {
            response.setStatus(e.status().value());
            model.addAttribute("stepProblem", reasonOf(e));
            String kept = upload == null ? null : pdf.nameOf(official, upload);
            return form.shown(
                    official,
                    model,
                    new DraftForm.Entries(
                            false,
                            unitId,
                            typeName,
                            subject,
                            divisionId,
                            priority,
                            recipientIds == null
                                    ? List.of()
                                    : recipientIds.stream().map(UUID::toString).toList(),
                            outsideOrganIds == null ? List.of() : outsideOrganIds,
                            replyTo,
                            kept == null ? null : upload,
                            kept));
        }
    }

    /** A refusal as the form says it: for fields refused, each field's reason too. */
    private String reasonOf(DomainException e) {
        StringBuilder said = new StringBuilder(outcome.said(e));
        if (e instanceof InvalidFieldsException invalid) {
            for (InvalidFieldsException.FieldProblem p : invalid.problems()) {
                said.append(' ').append(outcome.said(DomainException.invalid(p.code(), p.args())));
            }
        }
        return said.toString();
    }

    @GetMapping("/drafts/{id}")
    String page(@PathVariable UUID id, @AuthenticationPrincipal Official official, Model model) {
        DraftView d = reading.view(official, id);
        UUID me = official.personId();
        boolean drafter = d.drafter().id().equals(me);
        boolean myTurn = d.currentApprover() != null && d.currentApprover().id().equals(me);
        model.addAttribute("draft", d);
        model.addAttribute(
                "mayRevise",
                (drafter && (d.state() == DraftState.DRAFTING || d.state() == DraftState.RETURNED)) || myTurn);
        boolean maySubmit = drafter && (d.state() == DraftState.DRAFTING || d.state() == DraftState.RETURNED);
        model.addAttribute("maySubmit", maySubmit);
        if (maySubmit) {
            // What submitting would do, before it is done: the route and who approves each step.
            try {
                model.addAttribute("plannedRoute", writing.routeIfSubmittedNow(official, id));
            } catch (DomainException e) {
                model.addAttribute("plannedRouteProblem", outcome.said(e));
            }
        }
        model.addAttribute("myTurn", myTurn);
        // The last approver signs: in the same step when the server holds their key.
        model.addAttribute("mayApproveAndSign", d.lastApprovalBy(me) && signing.serverHoldsKeyOf(official));
        // Or with the PKI SIM: approved here, then confirmed on the phone while the page waits.
        model.addAttribute("mayApproveAndSignOnPhone", d.lastApprovalBy(me) && signing.phoneHoldsKeyOf(official));
        model.addAttribute("mayIssue", d.state() == DraftState.APPROVED && official.holds(Role.CLERK, d.unitId()));
        model.addAttribute("history", audit.history("draft", id.toString()));
        return "handling/draft";
    }

    @GetMapping("/drafts/{id}/versions/{version}")
    ResponseEntity<byte[]> version(
            @PathVariable UUID id, @PathVariable int version, @AuthenticationPrincipal Official official) {
        String name = versionName(official, id, version, DraftView.Version::fileName, "du-thao.pdf");
        byte[] pdf = reading.withVersion(official, id, version, DraftPages::allBytes);
        return Download.storedFile(name, pdf, true);
    }

    /** The Word or OpenDocument file a version was rendered from: an attachment, to edit. */
    @GetMapping("/drafts/{id}/versions/{version}/source")
    ResponseEntity<byte[]> versionSource(
            @PathVariable UUID id, @PathVariable int version, @AuthenticationPrincipal Official official) {
        String name = versionName(official, id, version, DraftView.Version::sourceFileName, "du-thao.docx");
        byte[] source = reading.withVersionSource(official, id, version, DraftPages::allBytes);
        return Download.storedFile(name, source, false);
    }

    private String versionName(
            Official official,
            UUID id,
            int version,
            java.util.function.Function<DraftView.Version, @Nullable String> name,
            String otherwise) {
        return reading.view(official, id).versions().stream()
                .filter(v -> v.version() == version)
                .map(name)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(otherwise);
    }

    private static byte[] allBytes(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/drafts/{id}/versions")
    String addVersion(
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "fileUploadId", required = false) @Nullable UUID fileUploadId,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step(
                "/drafts/" + id,
                redirect,
                () -> pdf.read(official, fileUploadId, file, (name, in) -> writing.addVersion(official, id, name, in)));
    }

    @PostMapping("/drafts/{id}/comment")
    String comment(
            @PathVariable UUID id,
            @RequestParam String comment,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step("/drafts/" + id, redirect, () -> writing.comment(official, id, comment));
    }

    @PostMapping("/drafts/{id}/submit")
    String submit(@PathVariable UUID id, @AuthenticationPrincipal Official official, RedirectAttributes redirect) {
        return step("/drafts/" + id, redirect, () -> writing.submit(official, id));
    }

    @PostMapping("/drafts/{id}/approve")
    String approve(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String comment,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step("/drafts/" + id, redirect, () -> approval.approve(official, id, comment));
    }

    /**
     * The last approver approves and signs personally in one step, with a key the server holds.
     * The approval stands when the signature is refused (the signer signs again from the
     * document's page, on any channel), and the page says so.
     */
    @PostMapping("/drafts/{id}/approve-and-sign")
    String approveAndSign(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String comment,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return approveThenSign(id, comment, official, redirect, document -> {
            signing.sign(official, document);
            outcome.done(redirect, "handling.ui.signed");
            return "/documents/" + document + "#signing";
        });
    }

    /**
     * The last approver approves and starts the personal signature on the phone (PKI SIM), then
     * waits on the signing page for the confirmation; the approval stands when the signature cannot
     * start or is refused on the phone, and the document's page offers it again.
     */
    @PostMapping("/drafts/{id}/approve-and-sign-on-phone")
    String approveAndSignOnPhone(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String comment,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return approveThenSign(id, comment, official, redirect, document -> signing.startOnPhone(official, document));
    }

    /** Approves, then signs the document approved by {@code sign}, which says where the official goes next. */
    private String approveThenSign(
            UUID id,
            @Nullable String comment,
            Official official,
            RedirectAttributes redirect,
            java.util.function.Function<UUID, String> sign) {
        DraftView approved;
        try {
            approved = approval.approve(official, id, comment);
        } catch (DomainException e) {
            outcome.refused(redirect, e);
            return "redirect:/drafts/" + id;
        }
        UUID document = approved.documentId();
        if (document == null) {
            // The route grew meanwhile: this was not the last approval, and there is nothing to sign yet.
            outcome.done(redirect, "registry.step.done");
            return "redirect:/drafts/" + id;
        }
        try {
            return "redirect:" + sign.apply(document);
        } catch (DomainException e) {
            outcome.partlyRefused(redirect, "handling.ui.approvedNotSigned", e);
            return "redirect:/documents/" + document + "#signing";
        }
    }

    @PostMapping("/drafts/{id}/return")
    String returnDraft(
            @PathVariable UUID id,
            // Blank or missing: the draft refuses it, saying a reason is needed.
            @RequestParam(required = false) @Nullable String comment,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step("/drafts/" + id, redirect, () -> approval.returnToDrafter(official, id, comment));
    }

    @PostMapping("/drafts/{id}/issue")
    String issue(@PathVariable UUID id, @AuthenticationPrincipal Official official, RedirectAttributes redirect) {
        // Issued, the document is what the clerk follows next (its recipients' states): its page opens.
        try {
            DraftView issued = issuing.issue(official, id, true);
            outcome.done(redirect, "handling.draft.issued-done");
            return "redirect:/documents/" + issued.documentId();
        } catch (DomainException e) {
            outcome.refused(redirect, e);
            return "redirect:/drafts/" + id;
        }
    }

    @PostMapping("/documents/{id}/revoke")
    String revoke(
            @PathVariable UUID id,
            @RequestParam String reason,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step("/documents/" + id, redirect, () -> changes.revoke(official, id, reason));
    }

    /** The unit's approval route and its leaders' absences, for its leader, IT officer or the administrator. */
    @GetMapping("/units/{id}/approval-route")
    String route(@PathVariable UUID id, @AuthenticationPrincipal Official official, Model model) {
        model.addAttribute("unit", directory.unit(id));
        model.addAttribute("route", approval.route(id));
        List<vn.congvan.directory.DivisionView> divisions = directory.divisions(id);
        model.addAttribute("divisions", divisions);
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        divisions.forEach(d -> names.put(d.id(), d.name()));
        model.addAttribute("divisionNames", names);
        model.addAttribute("people", directory.people(id));
        model.addAttribute("roles", List.of(Role.DIVISION_HEAD, Role.DEPUTY_LEADER, Role.LEADER));
        model.addAttribute("maySetRoute", approval.maySetRoute(official, id));
        model.addAttribute("mayRecordAbsence", approval.mayRecordAbsence(official, id));
        return "handling/approval-route";
    }

    @PostMapping("/units/{id}/approval-route")
    String setRoute(
            @PathVariable UUID id,
            @RequestParam List<String> role,
            @RequestParam(required = false) @Nullable List<String> divisionId,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        List<vn.congvan.handling.drafting.ApprovalStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < role.size(); i++) {
            if (role.get(i).isBlank()) {
                continue;
            }
            String division = divisionId == null || divisionId.size() <= i ? "" : divisionId.get(i);
            steps.add(new vn.congvan.handling.drafting.ApprovalStep(
                    Role.valueOf(role.get(i)), division.isBlank() ? null : UUID.fromString(division)));
        }
        return step("/units/" + id + "/approval-route", redirect, () -> approval.setRoute(official, id, steps));
    }

    @PostMapping("/units/{id}/leader-absences")
    String absence(
            @PathVariable UUID id,
            @RequestParam UUID leaderId,
            @RequestParam UUID deputyId,
            @RequestParam String firstDay,
            @RequestParam String lastDay,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step(
                "/units/" + id + "/approval-route",
                redirect,
                () -> approval.recordAbsence(official, id, leaderId, deputyId, day(firstDay), day(lastDay)));
    }

    /** A day typed on the page (dd/MM/yyyy); one that names none is refused there with what was typed. */
    private static java.time.LocalDate day(String typed) {
        return VietnamTime.readDay(typed).orElseThrow(() -> DomainException.invalid("validation.day", typed.strip()));
    }

    @GetMapping("/arrivals/{id}/file")
    ResponseEntity<byte[]> arrivedFile(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        DocumentView sent = arrivals.arrived(official, id);
        DocumentView.FileView main = sent.files().stream()
                .filter(f -> f.role().equals("MAIN"))
                .findFirst()
                .orElseThrow();
        try (InputStream in = blobs.open(main.sha256())) {
            return Download.storedFile(main.fileName(), in.readAllBytes(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/arrivals/{id}/register")
    String register(@PathVariable UUID id, @AuthenticationPrincipal Official official, RedirectAttributes redirect) {
        try {
            DocumentView incoming = arrivals.register(official, id);
            return "redirect:/documents/" + incoming.id();
        } catch (DomainException e) {
            outcome.refused(redirect, e);
            return "redirect:/arrivals";
        }
    }

    @PostMapping("/arrivals/{id}/refuse")
    String refuse(
            @PathVariable UUID id,
            @RequestParam String reason,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step("/arrivals", redirect, () -> arrivals.refuse(official, id, reason));
    }

    @PostMapping("/revocation-requests/{id}/accept")
    String acceptRevocation(
            @PathVariable UUID id, @AuthenticationPrincipal Official official, RedirectAttributes redirect) {
        return step("/arrivals", redirect, () -> arrivals.acceptRevocation(official, id));
    }

    @PostMapping("/revocation-requests/{id}/refuse")
    String refuseRevocation(
            @PathVariable UUID id,
            @RequestParam String reason,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return step("/arrivals", redirect, () -> arrivals.refuseRevocation(official, id, reason));
    }

    /** The recipients of an outgoing document and where it stands at each, loaded into its page. */
    @GetMapping("/documents/{id}/recipients")
    String recipients(@PathVariable UUID id, @AuthenticationPrincipal Official official, Model model) {
        DocumentView document = documents.readable(official, id);
        model.addAttribute("document", document);
        model.addAttribute("states", arrivals.recipientStates(official, id));
        UUID draftId = reading.draftOf(id).orElse(null);
        model.addAttribute("draftId", draftId);
        model.addAttribute(
                "mayRevoke",
                document.status() == vn.congvan.registry.DocumentStatus.ISSUED
                        && draftId != null
                        && (official.holds(Role.CLERK, document.unitId())
                                || official.holds(Role.LEADER, document.unitId())));
        return "handling/recipients :: recipients";
    }

    private String step(String back, RedirectAttributes redirect, Runnable step) {
        return outcome.take(back, redirect, step);
    }
}
