package vn.congvan.handling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.handling.RecipientState;
import vn.congvan.handling.drafting.ApprovalStep;
import vn.congvan.handling.drafting.Arrivals;
import vn.congvan.handling.drafting.DraftApproval;
import vn.congvan.handling.drafting.DraftReading;
import vn.congvan.handling.drafting.DraftView;
import vn.congvan.handling.drafting.DraftWriting;
import vn.congvan.handling.drafting.IssuedDocumentChanges;
import vn.congvan.handling.drafting.Issuing;
import vn.congvan.handling.drafting.NewDraft;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.HoldsRole;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * The drafting API: drafts, their versions and comments, the approval route, the clerk's issue and
 * revocation; the arrivals of documents issued by other units of the installation and what the
 * sender sees of each recipient.
 */
@RestController
@Tag(name = "drafting")
class DraftApi {

    private final DraftWriting writing;
    private final DraftApproval approval;
    private final Issuing issuing;
    private final IssuedDocumentChanges changes;
    private final DraftReading reading;
    private final Arrivals arrivals;
    private final JsonMapper json;
    private final DraftPdf pdf;

    DraftApi(
            DraftWriting writing,
            DraftApproval approval,
            Issuing issuing,
            IssuedDocumentChanges changes,
            DraftReading reading,
            Arrivals arrivals,
            JsonMapper json,
            DraftPdf pdf) {
        this.pdf = pdf;
        this.writing = writing;
        this.approval = approval;
        this.issuing = issuing;
        this.changes = changes;
        this.reading = reading;
        this.arrivals = arrivals;
        this.json = json;
    }

    /** A comment, a return's reason or a revocation's. */
    record Comment(@Nullable String comment) {}

    /** How the clerk seals when issuing: with the unit's server-held key (default), or otherwise afterwards. */
    record Issue(@Nullable Boolean sealWithServerKey) {}

    /** Days a leader is away and the deputy who signs for them (KT.). */
    record Absence(UUID leaderId, UUID deputyId, LocalDate firstDay, LocalDate lastDay) {}

    @PostMapping(path = "/api/v1/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            operationId = "createDraft",
            summary = "Start a draft of an outgoing document (multipart: metadata JSON, file the draft as PDF or as"
                    + " Word .docx / OpenDocument .odt rendered as PDF, or fileUploadId in the metadata naming a"
                    + " finished upload). In the metadata, replyTo names the incoming document of the unit it"
                    + " answers (recorded as its reply once issued); submit true submits it along its route at"
                    + " once, a refused submission saving nothing")
    ResponseEntity<DraftView> createDraft(
            @RequestPart("metadata") byte[] metadata,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal Official official) {
        NewDraft draft = read(metadata);
        Answering answering = readAnswering(metadata);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(pdf.read(
                        official,
                        metadata,
                        file,
                        (name, in) -> Boolean.TRUE.equals(answering.submit())
                                ? writing.createAndSubmit(official, draft, answering.replyTo(), name, in)
                                : writing.create(official, draft, answering.replyTo(), name, in)));
    }

    /** What the metadata says of the draft beside its fields: the document it answers, and whether to submit it. */
    record Answering(@Nullable UUID replyTo, @Nullable Boolean submit) {}

    @GetMapping("/api/v1/drafts/{id}")
    @Operation(operationId = "getDraft", summary = "A draft with its versions, route and state")
    DraftView getDraft(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return reading.view(official, id);
    }

    @PostMapping(path = "/api/v1/drafts/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            operationId = "addDraftVersion",
            summary = "A new version of the draft (PDF, or .docx / .odt rendered as PDF; file part, or metadata"
                    + " {fileUploadId}), by its drafter or the approver whose turn it is")
    DraftView addDraftVersion(
            @PathVariable UUID id,
            @RequestPart(name = "metadata", required = false) byte @Nullable [] metadata,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal Official official) {
        return pdf.read(official, metadata, file, (name, in) -> writing.addVersion(official, id, name, in));
    }

    @PostMapping("/api/v1/drafts/{id}/comments")
    @Operation(operationId = "commentDraft", summary = "Comment on a draft; kept in its history")
    DraftView commentDraft(
            @PathVariable UUID id, @RequestBody Comment body, @AuthenticationPrincipal Official official) {
        return writing.comment(official, id, text(body));
    }

    @PostMapping("/api/v1/drafts/{id}/submission")
    @Operation(
            operationId = "submitDraft",
            summary =
                    "The drafter submits the draft along the unit's approval route (refused when a role of it has nobody)")
    DraftView submitDraft(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return writing.submit(official, id);
    }

    @PostMapping("/api/v1/drafts/{id}/approval")
    @Operation(
            operationId = "approveDraft",
            summary = "The approver whose turn it is approves; after the last step the document awaits its signature")
    DraftView approveDraft(
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Comment body,
            @AuthenticationPrincipal Official official) {
        return approval.approve(official, id, body == null ? null : body.comment());
    }

    @PostMapping("/api/v1/drafts/{id}/return")
    @Operation(operationId = "returnDraft", summary = "The approver whose turn it is returns the draft with comments")
    DraftView returnDraft(
            @PathVariable UUID id, @RequestBody Comment body, @AuthenticationPrincipal Official official) {
        return approval.returnToDrafter(official, id, text(body));
    }

    @PostMapping("/api/v1/drafts/{id}/issue")
    @Operation(
            operationId = "issueOutgoingDocument",
            summary = "The clerk numbers the approved and signed document, seals it and sends it to its recipients")
    DraftView issueOutgoingDocument(
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Issue body,
            @AuthenticationPrincipal Official official) {
        boolean seal = body == null || body.sealWithServerKey() == null || body.sealWithServerKey();
        return issuing.issue(official, id, seal);
    }

    @PostMapping("/api/v1/documents/{id}/revocation")
    @Operation(
            operationId = "revokeOutgoingDocument",
            summary = "The clerk or leader revokes an issued document; recipients' copies are revoked with it")
    DraftView revokeOutgoingDocument(
            @PathVariable UUID id, @RequestBody Comment body, @AuthenticationPrincipal Official official) {
        return changes.revoke(official, id, text(body));
    }

    /** Recipient units added to and removed from an issued document, with the reason. */
    record RecipientChange(
            @Nullable List<UUID> added,
            @Nullable List<UUID> removed,
            @Nullable String reason) {}

    @PostMapping("/api/v1/documents/{id}/recipient-changes")
    @Operation(
            operationId = "updateOutgoingRecipients",
            summary = "The clerk updates an issued document's recipients: units added receive it, units removed have it"
                    + " revoked")
    List<RecipientState> updateOutgoingRecipients(
            @PathVariable UUID id, @RequestBody RecipientChange body, @AuthenticationPrincipal Official official) {
        return changes.updateRecipients(
                official,
                id,
                body.added() == null ? List.of() : body.added(),
                body.removed() == null ? List.of() : body.removed(),
                body.reason() == null ? "" : body.reason());
    }

    @GetMapping("/api/v1/documents/{id}/recipients")
    @Operation(
            operationId = "listRecipientStates",
            summary = "Each recipient unit's state of an issued document, with its edXML status code")
    List<RecipientState> listRecipientStates(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return arrivals.recipientStates(official, id);
    }

    @GetMapping("/api/v1/units/{id}/approval-route")
    @Operation(operationId = "getApprovalRoute", summary = "The unit's approval route for drafts")
    List<ApprovalStep> getApprovalRoute(@PathVariable UUID id) {
        return approval.route(id);
    }

    @PutMapping("/api/v1/units/{id}/approval-route")
    @HoldsRole(
            value = {Role.LEADER, Role.IT_OFFICER},
            unit = "id",
            refusal = "handling.route.not-allowed")
    @Operation(
            operationId = "setApprovalRoute",
            summary = "The unit's leader, IT officer or the administrator sets its approval route; the last step signs")
    List<ApprovalStep> setApprovalRoute(
            @PathVariable UUID id, @RequestBody List<ApprovalStep> steps, @AuthenticationPrincipal Official official) {
        return approval.setRoute(official, id, steps);
    }

    @PostMapping("/api/v1/units/{id}/leader-absences")
    @Operation(
            operationId = "recordLeaderAbsence",
            summary = "A leader's days away and the deputy who signs for them meanwhile (KT.)")
    ResponseEntity<Void> recordLeaderAbsence(
            @PathVariable UUID id, @RequestBody Absence body, @AuthenticationPrincipal Official official) {
        approval.recordAbsence(official, id, body.leaderId(), body.deputyId(), body.firstDay(), body.lastDay());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/arrivals")
    @Operation(
            operationId = "listArrivals",
            summary = "Documents other units of the installation issued to the caller's units, waiting for their clerk")
    List<RecipientState> listArrivals(@AuthenticationPrincipal Official official) {
        return arrivals.tray(official);
    }

    @PostMapping("/api/v1/arrivals/{id}/registration")
    @Operation(
            operationId = "registerArrival",
            summary = "The receiving clerk registers an arrival as an incoming document (status 03 to the sender)")
    ResponseEntity<DocumentView> registerArrival(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return ResponseEntity.status(HttpStatus.CREATED).body(arrivals.register(official, id));
    }

    @PostMapping("/api/v1/arrivals/{id}/refusal")
    @Operation(
            operationId = "refuseArrival",
            summary = "The receiving clerk refuses an arrival with a reason (status 02 to the sender)")
    RecipientState refuseArrival(
            @PathVariable UUID id, @RequestBody Comment body, @AuthenticationPrincipal Official official) {
        return arrivals.refuse(official, id, text(body));
    }

    @GetMapping("/api/v1/revocation-requests")
    @Operation(
            operationId = "listRevocationRequests",
            summary = "Senders' requests (status 13) to revoke copies the caller's units registered")
    List<RecipientState> listRevocationRequests(@AuthenticationPrincipal Official official) {
        return arrivals.revocationRequests(official);
    }

    @PostMapping("/api/v1/revocation-requests/{id}/acceptance")
    @Operation(
            operationId = "acceptRevocation",
            summary = "The receiving clerk accepts the revocation: the registered copy is revoked (status 15)")
    RecipientState acceptRevocation(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return arrivals.acceptRevocation(official, id);
    }

    @PostMapping("/api/v1/revocation-requests/{id}/refusal")
    @Operation(
            operationId = "refuseRevocation",
            summary = "The receiving clerk refuses the revocation with a reason; the copy stays (status 16)")
    RecipientState refuseRevocation(
            @PathVariable UUID id, @RequestBody Comment body, @AuthenticationPrincipal Official official) {
        return arrivals.refuseRevocation(official, id, text(body));
    }

    private static String text(@Nullable Comment body) {
        return body == null || body.comment() == null ? "" : body.comment();
    }

    private Answering readAnswering(byte[] metadata) {
        try {
            return json.readValue(metadata, Answering.class);
        } catch (JacksonException e) {
            throw DomainException.invalid(RegistryRefusals.METADATA_UNREADABLE);
        }
    }

    private NewDraft read(byte[] metadata) {
        try {
            NewDraft draft = json.readValue(metadata, NewDraft.class);
            if (draft == null || draft.unitId() == null || draft.typeName() == null) {
                throw DomainException.invalid(RegistryRefusals.METADATA_UNREADABLE);
            }
            return draft;
        } catch (JacksonException e) {
            throw DomainException.invalid(RegistryRefusals.METADATA_UNREADABLE);
        }
    }
}
