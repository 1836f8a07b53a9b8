package vn.congvan.handling.drafting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.handling.ApprovalStep;
import vn.congvan.handling.CaseView;
import vn.congvan.handling.DraftState;
import vn.congvan.handling.DraftView;
import vn.congvan.handling.NewDraft;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.notices.HandlingNotices;
import vn.congvan.handling.staff.UnitStaff;
import vn.congvan.platform.PdfBounds;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.OutgoingMetadata;
import vn.congvan.registry.Registrations;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.StoredFile;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.DocumentSigned;
import vn.congvan.signing.Seals;
import vn.congvan.signing.SignatureKind;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * Drafts from their first version to their issue: versions and comments, submission along the
 * unit's approval route, approval or return at each step, preparation for the signer, and the
 * clerk's issue (number, seal, delivery). Every step is audited on the draft, and, once it is a
 * document, on the document.
 */
@Service
public class Drafting {

    private static final String PDF = "application/pdf";

    private final Drafts drafts;
    private final ApprovalRoutes routes;
    private final Registrations registrations;
    private final DocumentFiles documents;
    private final Seals seals;
    private final Deliveries deliveries;
    private final Directory directory;
    private final Blobs blobs;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HandlingNotices notices;
    private final PdfBounds bounds;

    Drafting(HandlingNotices notices, Drafts drafts, ApprovalRoutes routes, Registrations registrations, DocumentFiles documents, Seals seals,
            Deliveries deliveries, Directory directory, Blobs blobs, WorkingCalendar calendar, AuditTrail audit,
            TransactionTemplate transactions, Clock clock, PdfBounds bounds) {
        this.bounds = bounds;
        this.notices = notices;
        this.drafts = drafts;
        this.routes = routes;
        this.registrations = registrations;
        this.documents = documents;
        this.seals = seals;
        this.deliveries = deliveries;
        this.directory = directory;
        this.blobs = blobs;
        this.calendar = calendar;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A specialist of the unit starts a draft with its first PDF; the same submission key gives the same draft. */
    @Transactional
    public DraftView create(Official drafter, NewDraft d, String fileName, InputStream pdf) {
        if (!drafter.belongsTo(d.unitId())) {
            throw DomainException.forbidden("registry.unit.not-member");
        }
        String key = d.submissionKey() == null || d.submissionKey().isBlank() ? null : d.submissionKey().strip();
        if (key != null) {
            Optional<UUID> same = drafts.bySubmission(drafter.personId(), key);
            if (same.isPresent()) {
                return view(drafts.find(same.get()).orElseThrow());
            }
        }
        DocumentType type = DocumentType.parse(d.typeName())
                .orElseThrow(() -> DomainException.invalid("registry.type.unknown", d.typeName()));
        String subject = d.subject() == null ? "" : d.subject().strip();
        if (subject.isEmpty() || subject.length() > 500) {
            throw DomainException.invalid("handling.draft.subject");
        }
        if (d.divisionId() != null && directory.findDivision(d.divisionId())
                .filter(v -> v.unitId().equals(d.unitId())).isEmpty()) {
            throw DomainException.invalid("registry.division.not-in-unit");
        }
        int priority = d.priority() == null ? 0 : d.priority();
        if (priority < 0 || priority > 4) {
            throw DomainException.invalid("handling.draft.priority");
        }
        if (d.dueDate() != null && d.dueDate().isBefore(calendar.today())) {
            throw DomainException.invalid("handling.deadline.past", d.dueDate());
        }
        List<Draft.Recipient> recipients = new ArrayList<>();
        for (NewDraft.Recipient r : d.recipients() == null ? List.<NewDraft.Recipient>of() : d.recipients()) {
            if (r.unitId() != null) {
                String name = directory.findUnit(r.unitId())
                        .orElseThrow(() -> DomainException.invalid("registry.unit.unknown", r.unitId())).name();
                recipients.add(new Draft.Recipient(r.unitId(), null, name));
            } else if (r.organName() != null && !r.organName().isBlank()) {
                String organId = r.organId() == null || r.organId().isBlank() ? null : r.organId().strip();
                if (organId != null && organId.length() > 35) {
                    throw DomainException.invalid("handling.draft.organ-id", organId);
                }
                recipients.add(new Draft.Recipient(null, organId, r.organName().strip()));
            }
        }
        if (d.dossierId() != null && !drafts.openDossierOf(d.dossierId(), d.unitId())) {
            throw DomainException.invalid("handling.draft.dossier");
        }
        if (d.replacesDocumentId() != null) {
            DocumentView replaced = documents.readable(drafter, d.replacesDocumentId());
            if (!replaced.unitId().equals(d.unitId()) || replaced.status() != DocumentStatus.ISSUED) {
                throw DomainException.invalid("handling.draft.replaces-not-issued");
            }
        }
        Draft draft = Draft.started(d.unitId(), drafter, d.divisionId(), type, subject, priority, d.dueDate(),
                recipients, d.replacesDocumentId());
        Instant now = clock.instant();
        drafts.insert(draft, key, d.dossierId(), now);
        int version = addPdf(draft.id(), fileName, pdf, drafter, now);
        record(drafter, draft, "draft.created", Map.of("subject", subject, "version", Integer.toString(version)));
        return view(draft);
    }

    /** A new version of the draft's PDF, by the drafter or the approver whose turn it is. */
    @Transactional
    public DraftView addVersion(Official official, UUID draftId, String fileName, InputStream pdf) {
        Draft draft = locked(official, draftId);
        draft.requireMayRevise(official);
        int version = addPdf(draftId, fileName, pdf, official, clock.instant());
        record(official, draft, "draft.version.added", Map.of("version", Integer.toString(version)));
        return view(draft);
    }

    /** A comment on the draft by anyone of the unit, kept in its history. */
    @Transactional
    public DraftView comment(Official official, UUID draftId, String text) {
        Draft draft = locked(official, draftId);
        record(official, draft, "draft.commented", Map.of("comment", Draft.comment(text)));
        return view(draft);
    }

    @Transactional
    public DraftView submit(Official drafter, UUID draftId) {
        Draft draft = locked(drafter, draftId);
        UnitStaff staff = staff(draft.unitId());
        ApprovalRoutes.Resolved route = routes.resolve(draft, staff, calendar.today());
        Map<String, String> details = new LinkedHashMap<>(draft.submit(drafter, route.steps()));
        details.put("approver", name(staff, route.steps().get(0).approverId()));
        drafts.save(draft, clock.instant());
        record(drafter, draft, "draft.submitted", details);
        tell(List.of(draft.currentApprover()), drafter, "draft.to-approve", draft);
        return view(draft);
    }

    /**
     * The approver whose turn it is approves; the last step's approval prepares the document in the
     * registry for that approver's signature.
     */
    @Transactional
    public DraftView approve(Official approver, UUID draftId, @Nullable String comment) {
        Draft draft = locked(approver, draftId);
        UnitStaff staff = staff(draft.unitId());
        ApprovalRoutes.Resolved route = routes.resolve(draft, staff, calendar.today());
        Map<String, String> details = new LinkedHashMap<>(draft.approve(approver, clock.instant(), route.authority()));
        if (comment != null && !comment.isBlank()) {
            details.put("comment", Draft.comment(comment));
        }
        if (draft.state() == DraftState.APPROVED) {
            DocumentView prepared = registrations.prepare(metadata(draft, staff), latest(draft), List.of(), approver);
            draft.prepared(prepared.id());
        }
        drafts.save(draft, clock.instant());
        record(approver, draft, "draft.approved", details);
        if (draft.state() == DraftState.APPROVED) {
            tell(List.of(draft.signerId()), null, "draft.to-sign", draft);
        } else {
            tell(List.of(draft.currentApprover()), approver, "draft.to-approve", draft);
        }
        return view(draft);
    }

    @Transactional
    public DraftView returnToDrafter(Official approver, UUID draftId, String comment) {
        Draft draft = locked(approver, draftId);
        Map<String, String> details = draft.returnToDrafter(approver, comment);
        drafts.save(draft, clock.instant());
        record(approver, draft, "draft.returned", details);
        tell(List.of(draft.drafterId()), approver, "draft.returned", draft);
        return view(draft);
    }

    /**
     * The clerk issues the approved and signed document: numbers it, seals it with the unit's
     * server-held key unless told it will be sealed otherwise, and delivers it to the recipient
     * units of the installation. Signing happens outside any transaction (it takes seconds); a
     * retry after a failure goes on from where the first attempt stopped.
     */
    public DraftView issue(Official clerk, UUID draftId, boolean sealWithServerKey) {
        Draft draft = drafts.find(draftId).orElseThrow(() -> DomainException.notFound("handling.draft.not-found"));
        if (!clerk.holds(Role.CLERK, draft.unitId())) {
            throw DomainException.forbidden("registry.clerk-only");
        }
        draft.requireState(DraftState.APPROVED);
        UUID documentId = draft.documentId();
        if (documentId == null) {
            throw DomainException.conflict("handling.draft.state.not-allowed", draft.state().name());
        }
        DocumentView document = documents.readable(clerk, documentId);
        if (sealWithServerKey && !seals.serverHoldsSealOf(draft.unitId())) {
            throw DomainException.conflict("signing.certificate.none-for-unit");
        }
        boolean numberedNow = document.status() == DocumentStatus.PREPARED;
        if (numberedNow) {
            // Only the signature of the signer the route designated allows the issue, not any leader's.
            UUID signerId = draft.signerId();
            if (signerId == null || !seals.personallySignedBy(clerk, documentId, signerId)) {
                throw DomainException.conflict("handling.issue.not-signed");
            }
            registrations.number(documentId, clerk);
        }
        // A document numbered just now carries no seal yet; a retry after a seal that failed seals
        // now, one that sealed already does not seal twice (only a retry validates the PDF for it).
        if (sealWithServerKey && (numberedNow || !seals.sealed(clerk, documentId))) {
            seals.seal(clerk, documentId);
        }
        DraftView issuedDraft = transactions.execute(tx -> {
            Draft locked = drafts.lock(draftId).orElseThrow();
            locked.issued();
            drafts.save(locked, clock.instant());
            DocumentView issued = documents.readable(clerk, documentId);
            int delivered = deliveries.deliver(issued, clock.instant());
            for (DocumentView.RecipientView r : issued.recipients()) {
                if (r.unitId() != null && !r.unitId().equals(issued.unitId())) {
                    notices.tell(staff(r.unitId()).holding(Role.CLERK, null), null, "document.arrived",
                            issued.subject(), "/arrivals", issued.urgent());
                }
            }
            record(clerk, locked, "draft.issued", Map.of("notation", String.valueOf(issued.notation()),
                    "delivered", Integer.toString(delivered)));
            audit.record(AuditEntry.by(clerk, "document.delivered", "document", documentId.toString(),
                    issued.unitId(), Map.of("recipients", Integer.toString(delivered))));
            if (locked.replacesId() != null) {
                replace(clerk, locked.replacesId(), issued);
            }

            return view(locked);
        });
        fileInDossier(clerk, draftId, documentId);
        return issuedDraft;
    }

    /**
     * Files the issued document in the draft's work dossier, in a transaction of its own: a dossier
     * closed since the draft was written leaves the document issued, to be filed by hand.
     */
    private void fileInDossier(Official clerk, UUID draftId, UUID documentId) {
        drafts.dossierOf(draftId).ifPresent(dossier -> {
            try {
                transactions.executeWithoutResult(tx -> registrations.file(dossier, documentId, clerk));
            } catch (DomainException e) {
                // Recorded on the dossier's side by its absence; the issue itself stands.
            }
        });
    }

    /** The clerk or a leader of the issuing unit revokes an issued document; recipients' copies follow. */
    @Transactional
    public DraftView revoke(Official official, UUID documentId, String reason) {
        UUID draftId = drafts.ofDocument(documentId)
                .orElseThrow(() -> DomainException.notFound("handling.draft.not-found"));
        Draft draft = locked(official, draftId);
        if (!official.holds(Role.CLERK, draft.unitId()) && !official.holds(Role.LEADER, draft.unitId())) {
            throw DomainException.forbidden("handling.revoke.not-allowed");
        }
        String text = Draft.comment(reason);
        draft.revoked();
        drafts.save(draft, clock.instant());
        registrations.revoke(documentId, text, official);
        var followed = deliveries.revoke(documentId, text, official, clock.instant());
        askToRevoke(followed, official);
        record(official, draft, "draft.revoked", Map.of("reason", text, "recipients", Integer.toString(followed.size())));
        return view(draft);
    }

    /** The clerks of the recipients that registered a copy are asked to answer the revocation. */
    private void askToRevoke(List<vn.congvan.handling.RecipientState> followed, Official by) {
        for (var d : followed) {
            if (d.incomingDocumentId() != null) {
                notices.tell(staff(Objects.requireNonNull(d.recipientUnitId(), "a registered copy is in a unit"))
                                .holding(Role.CLERK, null), by.personId(),
                        "delivery.revoke-requested", registrations.find(d.documentId()).orElseThrow().subject(),
                        "/arrivals", false);
            }
        }
    }

    /**
     * The issued document replaces an earlier one: that one is revoked, as are its recipients'
     * copies, with the new number as the reason.
     */
    private void replace(Official clerk, UUID replacedId, DocumentView by) {
        DocumentView replaced = documents.readable(clerk, replacedId);
        if (replaced.status() != DocumentStatus.ISSUED) {
            return;
        }
        String reason = "Thay thế bằng văn bản số " + by.notation();
        registrations.revoke(replacedId, reason, clerk);
        askToRevoke(deliveries.revoke(replacedId, reason, clerk, clock.instant()), clerk);
        drafts.ofDocument(replacedId).flatMap(drafts::lock).ifPresent(old -> {
            old.revoked();
            drafts.save(old, clock.instant());
        });
        audit.record(AuditEntry.by(clerk, "document.replaced", "document", replacedId.toString(), replaced.unitId(),
                Map.of("notation", String.valueOf(by.notation()))));
    }

    /**
     * The clerk updates the recipients of an issued document (edXML business type 2): units added
     * receive it at once, units removed have it revoked in their tray or their register.
     */
    @Transactional
    public List<vn.congvan.handling.RecipientState> updateRecipients(Official clerk, UUID documentId,
            List<UUID> added, List<UUID> removed, String reason) {
        DocumentView document = documents.readable(clerk, documentId);
        if (!clerk.holds(Role.CLERK, document.unitId())) {
            throw DomainException.forbidden("registry.clerk-only");
        }
        if (document.status() != DocumentStatus.ISSUED) {
            throw DomainException.conflict("handling.update.not-issued");
        }
        String text = Draft.comment(reason);
        for (UUID unit : added) {
            if (unit.equals(document.unitId())) {
                throw DomainException.invalid("handling.update.own-unit");
            }
            registrations.addRecipient(documentId, unit, clerk);
        }
        DocumentView updated = documents.readable(clerk, documentId);
        deliveries.deliver(updated, clock.instant());
        for (UUID unit : added) {
            notices.tell(staff(unit).holding(Role.CLERK, null), null, "document.arrived", updated.subject(),
                    "/arrivals", updated.urgent());
        }
        for (UUID unit : removed) {
            askToRevoke(deliveries.revoke(documentId, unit, text, clerk, clock.instant()), clerk);
        }
        audit.record(AuditEntry.by(clerk, "document.recipients.updated", "document", documentId.toString(),
                document.unitId(), Map.of("reason", text, "added", Integer.toString(added.size()),
                        "removed", Integer.toString(removed.size()))));
        return deliveries.ofDocument(documentId);
    }

    /** The unit's route, configured or the default one. */
    @Transactional(readOnly = true)
    public List<ApprovalStep> route(UUID unitId) {
        return routes.of(unitId);
    }

    @Transactional
    public List<ApprovalStep> setRoute(Official official, UUID unitId, List<ApprovalStep> steps) {
        routes.set(official, unitId, steps);
        return routes.of(unitId);
    }

    @Transactional
    public void recordAbsence(Official official, UUID unitId, UUID leaderId, UUID deputyId,
            java.time.LocalDate firstDay, java.time.LocalDate lastDay) {
        routes.recordAbsence(official, unitId, leaderId, deputyId, firstDay, lastDay, clock.instant());
    }

    @Transactional(readOnly = true)
    public DraftView view(Official official, UUID draftId) {
        return view(readable(official, draftId));
    }

    /** The draft a document came from, if it came from one. */
    @Transactional(readOnly = true)
    public Optional<UUID> draftOf(UUID documentId) {
        return drafts.ofDocument(documentId);
    }

    /** The content of a version of the draft's PDF, for whoever may read the draft. */
    @Transactional(readOnly = true)
    public <T> T withVersion(Official official, UUID draftId, int version, Function<InputStream, T> reader) {
        readable(official, draftId);
        Drafts.Version v = drafts.versions(draftId).stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> DomainException.notFound("handling.draft.not-found"));
        try (InputStream in = blobs.open(v.sha256())) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Once the signer signed the prepared document, the draft waits for the clerk only. */
    @ApplicationModuleListener
    void on(DocumentSigned signed) {
        if (signed.kind() != SignatureKind.PERSONAL) {
            return;
        }
        drafts.ofDocument(signed.documentId()).flatMap(drafts::lock)
                .filter(draft -> signed.signedBy().equals(draft.signerId()))
                .ifPresent(draft -> {
            boolean first = draft.signedAt() == null;
            draft.signed(signed.signingTime());
            drafts.save(draft, clock.instant());
            if (first && draft.signedAt() != null) {
                tell(staff(draft.unitId()).holding(Role.CLERK, null), null, "draft.to-issue", draft);
            }
        });
    }

    private Draft readable(Official official, UUID draftId) {
        Draft draft = drafts.find(draftId).orElseThrow(() -> DomainException.notFound("handling.draft.not-found"));
        if (!official.belongsTo(draft.unitId()) && !official.isAdministrator()) {
            throw DomainException.notFound("handling.draft.not-found");
        }
        return draft;
    }

    private Draft locked(Official official, UUID draftId) {
        readable(official, draftId);
        return drafts.lock(draftId).orElseThrow();
    }

    private int addPdf(UUID draftId, String fileName, InputStream pdf, Official by, Instant at) {
        String name = vn.congvan.storage.SafeFileName.ofUpload(fileName == null ? "du-thao.pdf" : fileName).toString();
        // The upload's size is bounded where it comes in (congvan.upload.max-file-size).
        StoredBlob blob = blobs.store(pdf);
        requirePdf(blob);
        return drafts.addVersion(draftId, blob.sha256(), name, blob.size(), by.personId(), at);
    }

    private void requirePdf(StoredBlob blob) {
        boolean readable = blobs.withLocalFile(blob.sha256(), file -> {
            try (PDDocument pdf = bounds.load(file)) {
                return pdf.getNumberOfPages() > 0;
            } catch (PdfBounds.TooLarge e) {
                throw bounds.refusal();
            } catch (IOException e) {
                return false;
            }
        });
        if (!readable) {
            throw DomainException.invalid("handling.draft.not-a-pdf");
        }
    }

    private StoredFile latest(Draft draft) {
        List<Drafts.Version> versions = drafts.versions(draft.id());
        Drafts.Version v = versions.get(versions.size() - 1);
        return new StoredFile(v.sha256(), v.fileName(), PDF, v.size());
    }

    private OutgoingMetadata metadata(Draft draft, UnitStaff staff) {
        UUID signer = Objects.requireNonNull(draft.signerId(), "an approved draft names its signer");
        Role role = staff.holds(signer, Role.LEADER) ? Role.LEADER
                : staff.holds(signer, Role.DEPUTY_LEADER) ? Role.DEPUTY_LEADER : Role.DIVISION_HEAD;
        List<OutgoingMetadata.Recipient> recipients = draft.recipients().stream()
                .map(r -> new OutgoingMetadata.Recipient(r.unitId(), r.organId(), r.organName()))
                .toList();
        return new OutgoingMetadata(draft.unitId(), draft.type().vietnameseName(), draft.divisionId(), draft.subject(),
                draft.signerAuthority(), staff.titleOf(signer, role), staff.nameOf(signer), draft.priority(), 0,
                draft.dueDate(), null, null, null, null, null, recipients, false, "draft:" + draft.id());
    }

    private void tell(List<@Nullable UUID> people, @Nullable Official actor, String kind, Draft draft) {
        notices.tell(people, actor == null ? null : actor.personId(), kind, draft.subject(), "/drafts/" + draft.id(),
                draft.priority() > 0);
    }

    private void record(Official official, Draft draft, String action, Map<String, String> details) {
        Map<String, String> all = new java.util.TreeMap<>(details);
        all.put("state", draft.state().name());
        audit.record(AuditEntry.by(official, action, "draft", draft.id().toString(), draft.unitId(), all));
    }

    private UnitStaff staff(UUID unitId) {
        return new UnitStaff(unitId, directory.people(unitId));
    }

    private static String name(UnitStaff staff, UUID id) {
        String name = staff.nameOf(id);
        return name == null ? id.toString() : name;
    }

    DraftView view(Draft d) {
        UnitStaff staff = staff(d.unitId());
        List<DraftView.Version> versions = drafts.versions(d.id()).stream()
                .map(v -> new DraftView.Version(v.version(), v.fileName(), v.size(), v.sha256(), v.addedAt()))
                .toList();
        List<DraftView.Step> route = d.route().stream()
                .map(s -> new DraftView.Step(s.position(), s.role().name(), person(staff, s.approverId()), s.decidedAt()))
                .toList();
        return new DraftView(d.id(), d.unitId(), person(staff, d.drafterId()), d.type().vietnameseName(), d.subject(),
                d.priority(), d.dueDate(), d.state(), d.recipients().stream().map(Draft.Recipient::organName).toList(),
                versions, route, d.currentApprover() == null ? null : person(staff, d.currentApprover()),
                d.signerId() == null ? null : person(staff, d.signerId()),
                d.signerAuthority() == null ? null : d.signerAuthority().name(), d.documentId(), d.signedAt());
    }

    private static CaseView.Person person(UnitStaff staff, UUID id) {
        return new CaseView.Person(id, name(staff, id));
    }
}
