package vn.congvan.handling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.audit.AuditTrail;
import vn.congvan.handling.drafting.DraftReading;
import vn.congvan.handling.incoming.Assignment;
import vn.congvan.handling.incoming.CaseView;
import vn.congvan.handling.incoming.IncomingHandling;
import vn.congvan.handling.work.WorkItem;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.shared.HoldsRole;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.storage.Download;

/** The handling API: the steps of an incoming document from presentation to completion, my work, timelines. */
@RestController
@Tag(name = "handling")
class HandlingApi {

    private final IncomingHandling handling;
    private final WorkList work;
    private final DocumentFiles documents;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final DraftReading reading;
    private final vn.congvan.handling.incoming.OverdueLists overdue;
    private final vn.congvan.handling.incoming.FollowUpRegister followUp;

    HandlingApi(
            IncomingHandling handling,
            WorkList work,
            DocumentFiles documents,
            AuditTrail audit,
            MessageSource messages,
            DraftReading reading,
            vn.congvan.handling.incoming.OverdueLists overdue,
            vn.congvan.handling.incoming.FollowUpRegister followUp) {
        this.reading = reading;
        this.overdue = overdue;
        this.followUp = followUp;
        this.handling = handling;
        this.work = work;
        this.documents = documents;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/api/v1/documents/{id}/handling")
    @Operation(operationId = "getHandling", summary = "Where the handling of an incoming document stands")
    CaseView getHandling(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return handling.view(official, id);
    }

    @PostMapping("/api/v1/documents/{id}/handling/presentation")
    @Operation(
            operationId = "presentIncomingDocument",
            summary = "The clerk presents a registered incoming document to a leader of the unit (trình)")
    CaseView presentIncomingDocument(
            @PathVariable UUID id,
            @RequestBody HandlingBodies.Presentation body,
            @AuthenticationPrincipal Official official) {
        return handling.present(official, id, body.leaderId());
    }

    @PostMapping("/api/v1/documents/{id}/handling/assignment")
    @Operation(
            operationId = "assignIncomingDocument",
            summary = "A leader assigns the lead (chủ trì), cooperating (phối hợp) and informed (để biết) officials,"
                    + " a direction and a deadline (a working day, not in the past)")
    CaseView assignIncomingDocument(
            @PathVariable UUID id, @RequestBody Assignment body, @AuthenticationPrincipal Official official) {
        return handling.assign(official, id, body);
    }

    @PostMapping("/api/v1/documents/{id}/handling/delegation")
    @Operation(
            operationId = "delegateIncomingDocument",
            summary = "The lead, a division head, hands the handling down to an official of their division")
    CaseView delegateIncomingDocument(
            @PathVariable UUID id,
            @RequestBody HandlingBodies.Delegation body,
            @AuthenticationPrincipal Official official) {
        return handling.delegate(official, id, body.leadId(), body.note());
    }

    @PostMapping("/api/v1/documents/{id}/handling/progress")
    @Operation(
            operationId = "recordHandlingProgress",
            summary = "The lead records progress; a cooperating official gives an opinion")
    CaseView recordHandlingProgress(
            @PathVariable UUID id,
            @RequestBody HandlingBodies.Progress body,
            @AuthenticationPrincipal Official official) {
        return handling.recordProgress(official, id, body.note());
    }

    @PostMapping("/api/v1/documents/{id}/handling/return")
    @Operation(
            operationId = "returnIncomingDocument",
            summary = "The lead sends the document back, with a reason, to whoever gave it to them")
    CaseView returnIncomingDocument(
            @PathVariable UUID id,
            @RequestBody HandlingBodies.Reason body,
            @AuthenticationPrincipal Official official) {
        return handling.returnBack(official, id, body.reason());
    }

    @PostMapping("/api/v1/documents/{id}/handling/completion")
    @Operation(
            operationId = "completeHandling",
            summary =
                    "The lead closes the handling, linking the reply document and filing it in a work dossier when given")
    CaseView completeHandling(
            @PathVariable UUID id,
            @RequestBody HandlingBodies.Completion body,
            @AuthenticationPrincipal Official official) {
        return handling.complete(official, id, body.note(), body.replyDocumentId(), body.dossierId());
    }

    @PostMapping("/api/v1/documents/{id}/handling/refusal")
    @Operation(
            operationId = "refuseIncomingDocument",
            summary = "The clerk refuses a document on arrival (wrong address, invalid signature) with a reason")
    CaseView refuseIncomingDocument(
            @PathVariable UUID id,
            @RequestBody HandlingBodies.Reason body,
            @AuthenticationPrincipal Official official) {
        return handling.refuse(official, id, body.reason());
    }

    @GetMapping("/api/v1/my-work")
    @Operation(
            operationId = "listMyWork",
            summary = "What waits for the caller: to present, assign, handle, follow, give an opinion on, read;"
                    + " urgent first, then by deadline")
    List<WorkItem> listMyWork(@AuthenticationPrincipal Official official) {
        return work.of(official);
    }

    @GetMapping("/api/v1/units/{id}/overdue")
    @Operation(
            operationId = "listOverdueDocuments",
            summary = "The unit's incoming documents past their deadline, with their lead; for its leaders and clerk")
    List<vn.congvan.handling.incoming.OverdueDocument> listOverdueDocuments(
            @PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return overdue.of(official, id);
    }

    @GetMapping("/api/v1/units/{id}/follow-up-register")
    @HoldsRole(
            value = {Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER, Role.DIVISION_HEAD},
            unit = "id",
            refusal = "handling.followup.not-allowed")
    @Operation(
            operationId = "exportFollowUpRegister",
            summary = "The unit's follow-up register of incoming documents (sổ theo dõi giải quyết văn bản đến) for"
                    + " a period, PDF or XLSX")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> exportFollowUpRegister(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate to,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "PDF")
                    vn.congvan.registry.RegisterFormat format,
            @AuthenticationPrincipal Official official,
            Locale locale) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        followUp.write(official, id, from, to, format, locale, out);
        return Download.export(
                        "so-theo-doi-" + from + "-" + to + "." + format.extension(),
                        org.springframework.http.MediaType.parseMediaType(format.contentType()))
                .body(new org.springframework.core.io.ByteArrayResource(out.toByteArray()));
    }

    @GetMapping("/api/v1/units/{id}/handling-report")
    @HoldsRole(
            value = {Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER, Role.DIVISION_HEAD},
            unit = "id",
            refusal = "handling.followup.not-allowed")
    @Operation(
            operationId = "getHandlingReport",
            summary = "How the unit handled the incoming documents that arrived in a period: waiting, in hand, done on"
                    + " time or late, overdue, refused")
    vn.congvan.handling.incoming.HandlingReport getHandlingReport(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate to,
            @AuthenticationPrincipal Official official) {
        return followUp.report(official, id, from, to);
    }

    @GetMapping("/api/v1/documents/{id}/timeline")
    @Operation(
            operationId = "getDocumentTimeline",
            summary = "Every step of the document, oldest first: who, when, what, in the caller's language")
    List<TimelineEntry> getDocumentTimeline(
            @PathVariable UUID id, @AuthenticationPrincipal Official official, Locale locale) {
        documents.readable(official, id);
        List<vn.congvan.audit.AuditRecordView> records =
                new java.util.ArrayList<>(audit.history("document", id.toString()));
        reading.draftOf(id).ifPresent(draft -> records.addAll(audit.history("draft", draft.toString())));
        records.sort(java.util.Comparator.comparingLong(vn.congvan.audit.AuditRecordView::seq));
        return Timeline.of(records, messages, locale);
    }
}
