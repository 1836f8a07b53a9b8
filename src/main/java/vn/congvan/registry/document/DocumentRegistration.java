package vn.congvan.registry.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.DivisionView;
import vn.congvan.directory.UnitView;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentRegistered;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.FileVersionAdded;
import vn.congvan.registry.IncomingMetadata;
import vn.congvan.registry.OutgoingMetadata;
import vn.congvan.registry.PresentationAtRegistration;
import vn.congvan.registry.RegistryAuditAction;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.registry.pdf.PdfFacts;
import vn.congvan.registry.pdf.PdfInspection;
import vn.congvan.registry.register.Numbering;
import vn.congvan.registry.register.Register;
import vn.congvan.registry.register.Registers;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.SafeFileName;
import vn.congvan.storage.StoredBlob;

/**
 * Registers documents: an arriving one gets the next arrival number of the unit's incoming
 * register, an issued one the next number of its outgoing register. Files, number, document and
 * audit record are written in one transaction, so a failure leaves nothing half-written.
 */
@Service
public class DocumentRegistration {

    private static final String PDF = "application/pdf";

    private final Documents documents;
    private final Registers registers;
    private final Numbering numbering;
    private final Directory directory;
    private final Blobs blobs;
    private final PdfInspection pdfs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ObjectProvider<PresentationAtRegistration> presentation;

    DocumentRegistration(
            Documents documents,
            Registers registers,
            Numbering numbering,
            Directory directory,
            Blobs blobs,
            PdfInspection pdfs,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            TransactionTemplate transactions,
            ObjectProvider<PresentationAtRegistration> presentation) {
        this.transactions = transactions;
        this.presentation = presentation;
        this.documents = documents;
        this.registers = registers;
        this.numbering = numbering;
        this.directory = directory;
        this.blobs = blobs;
        this.pdfs = pdfs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers an arriving document (văn bản đến) in the unit's incoming register; with
     * {@code presentTo}, presents it to that leader in the same transaction.
     */
    public DocumentView registerIncoming(
            IncomingMetadata m, UploadedFile main, List<UploadedFile> attachments, Official clerk) {
        return registerIncoming(m, main, attachments, clerk, null);
    }

    /**
     * Registers an arriving document sent with an Idempotency-Key and the digest of the request that
     * carried it: the same key with another request is refused ({@code registry.idempotency-key.reused}, 409).
     */
    public DocumentView registerIncoming(
            IncomingMetadata m,
            UploadedFile main,
            List<UploadedFile> attachments,
            Official clerk,
            @Nullable String requestDigest) {
        return once(clerk, m.submissionKey(), requestDigest, () -> arrive(m, main, attachments, clerk));
    }

    /**
     * Registers an electronic arrival whose package held no PDF (an older vendor's zipped Word file)
     * in the unit's incoming register like any arrival: its files, kept as they came, are all
     * attachments, and the document says it has no signed PDF. Only the exchange's tray calls it.
     */
    public DocumentView registerIncomingWithoutPdf(IncomingMetadata m, List<UploadedFile> files, Official clerk) {
        return once(clerk, m.submissionKey(), null, () -> arrive(m, null, files, clerk));
    }

    /** Registers an arriving document; without {@code main}, an arrival that held no PDF. */
    private DocumentView arrive(
            IncomingMetadata m, @Nullable UploadedFile main, List<UploadedFile> attachments, Official clerk) {
        UnitView unit = unitOf(m.unitId());
        DocumentAccess.requireClerk(clerk, unit.id());
        Optional<DocumentView> same = sameSubmission(clerk, m.submissionKey());
        if (same.isPresent()) {
            return same.get();
        }
        Instant now = clock.instant();
        OffsetDateTime arrival = m.arrivalDate() != null
                ? m.arrivalDate().atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime()
                : now.atZone(VietnamTime.ZONE).toOffsetDateTime();
        LocalDate today = LocalDate.ofInstant(now, VietnamTime.ZONE);
        List<FieldProblem> problems = new ArrayList<>();
        DocumentType type = typeOf(m.typeName(), problems);
        if (m.issuedDate().isAfter(today)) {
            problems.add(new FieldProblem("issuedDate", "registry.date.future"));
        }
        if (arrival.toInstant().isAfter(now.plusSeconds(300))) {
            problems.add(new FieldProblem("arrivalDate", "registry.date.future"));
        }
        if (m.issuedDate().isAfter(arrival.toLocalDate())) {
            problems.add(new FieldProblem("issuedDate", "registry.date.after-arrival"));
        }
        if (m.dueDate() != null && m.dueDate().isBefore(m.issuedDate())) {
            problems.add(new FieldProblem("dueDate", "registry.date.due-before-issue"));
        }
        if (m.presentTo() != null) {
            requirePresentable(m, unit.id(), clerk, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (!Boolean.TRUE.equals(m.confirmDuplicate())) {
            documents
                    .findDuplicate(
                            unit.id(),
                            m.documentId(),
                            trim(m.codeNumber()),
                            trim(m.codeNotation()),
                            m.organName().strip(),
                            trim(m.organId()),
                            m.issuedDate())
                    .ifPresent(existing -> {
                        throw new DuplicateDocumentException(existing);
                    });
        }
        StoredFiles files = storeFiles(main, attachments);
        Document.Arrival facts = new Document.Arrival(
                type,
                m.described(
                        m.typeName().strip().equals(type.name())
                                ? type.vietnameseName()
                                : m.typeName().strip(),
                        files.mainPages()),
                arrival,
                trim(m.documentId()),
                Boolean.TRUE.equals(m.paper()));
        Register register = registers.registerFor(
                unit.id(), Direction.INCOMING, type, facts.metadata().secret());
        int number = numbering.next(register.id(), arrival.getYear());
        Document document = main == null
                ? Document.arriveWithoutPdf(
                        facts, register, number, clerk.personId(), now, trim(m.submissionKey()), files.views())
                : Document.arrive(
                        facts, register, number, clerk.personId(), now, trim(m.submissionKey()), files.views());
        String text = searchText(document, files.text());
        DocumentView registered = save(document, text, clerk, RegistryAuditAction.INCOMING_REGISTERED);
        UUID leader = m.presentTo();
        if (leader == null) {
            return registered;
        }
        try {
            presentation.getObject().present(clerk, registered.id(), leader);
        } catch (DomainException e) {
            // Leaving the registration's transaction, the refusal takes the registered document with it.
            throw new InvalidFieldsException(List.of(new FieldProblem("presentTo", e.code(), e.args())));
        }
        return documents.find(registered.id()).orElseThrow();
    }

    /**
     * A secret document goes only to a leader already allowed to read it, which a document not yet
     * registered cannot have; any other leader is checked by the module that presents.
     */
    private void requirePresentable(IncomingMetadata m, UUID unitId, Official clerk, List<FieldProblem> problems) {
        UUID leader = java.util.Objects.requireNonNull(m.presentTo());
        PresentationAtRegistration presenting = presentation.getIfAvailable();
        if (m.confidentiality() != null && m.confidentiality() > 0) {
            problems.add(new FieldProblem("presentTo", "registry.present.secret"));
        } else if (presenting == null) {
            problems.add(new FieldProblem("presentTo", "registry.present.unavailable"));
        } else {
            try {
                presenting.requirePresentable(clerk, unitId, leader);
            } catch (DomainException e) {
                problems.add(new FieldProblem("presentTo", e.code(), e.args()));
            }
        }
    }

    /** Numbers and issues a document of the unit (văn bản đi) in its outgoing register, dated today. */
    public DocumentView createOutgoing(
            OutgoingMetadata m, UploadedFile main, List<UploadedFile> attachments, Official clerk) {
        return createOutgoing(m, main, attachments, clerk, (String) null);
    }

    /** Numbers and issues a document sent with an Idempotency-Key and the digest of its request (see above). */
    public DocumentView createOutgoing(
            OutgoingMetadata m,
            UploadedFile main,
            List<UploadedFile> attachments,
            Official clerk,
            @Nullable String requestDigest) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        return once(clerk, m.submissionKey(), requestDigest, () -> issue(m, main, attachments, clerk, today, true));
    }

    /**
     * Numbers a document issued on an earlier day, for documents issued before the unit used CongVan
     * (the demo province's history, migrations); the series stays in issue order only when such
     * documents are entered oldest first.
     */
    public DocumentView createOutgoing(
            OutgoingMetadata m, UploadedFile main, List<UploadedFile> attachments, Official clerk, LocalDate issuedOn) {
        return once(clerk, m.submissionKey(), null, () -> issue(m, main, attachments, clerk, issuedOn, true));
    }

    /**
     * Prepares an approved document of the unit for issue (chờ phát hành): kept in its outgoing
     * register without a number until the clerk issues it ({@link #numberPrepared}). Any official of
     * the unit prepares; the approval route that allows it is the handling module's.
     */
    public DocumentView prepareOutgoing(
            OutgoingMetadata m, UploadedFile main, List<UploadedFile> attachments, Official by) {
        return once(
                by,
                m.submissionKey(),
                null,
                () -> issue(m, main, attachments, by, LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE), false));
    }

    /**
     * The clerk numbers a prepared document in its register's series of today's year and issues it,
     * dated today: it gets its number, notation and edXML id.
     */
    @Transactional
    public DocumentView numberPrepared(UUID documentId, Official clerk) {
        DocumentView found = documents
                .find(documentId)
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.DOCUMENT_NOT_FOUND, documentId));
        DocumentAccess.requireClerk(clerk, found.unitId());
        Document prepared = documents.lock(documentId).orElseThrow();
        UnitView unit = unitOf(prepared.unitId());
        String divisionAbbreviation = prepared.draftingDivisionId() == null
                ? null
                : directory
                        .findDivision(prepared.draftingDivisionId())
                        .map(DivisionView::abbreviation)
                        .orElse(null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        Document issued =
                prepared.number(today, numbering::next, unit.abbreviation(), divisionAbbreviation, unit.organId());
        documents.number(issued);
        int number = java.util.Objects.requireNonNull(issued.number());
        audit.record(AuditEntry.by(
                clerk,
                RegistryAuditAction.OUTGOING_ISSUED,
                "document",
                documentId.toString(),
                issued.unitId(),
                Map.of(
                        "number",
                        Integer.toString(number),
                        "year",
                        Integer.toString(today.getYear()),
                        "register",
                        issued.registerId().toString(),
                        "notation",
                        String.valueOf(issued.notationText()))));
        events.publishEvent(new DocumentRegistered(
                documentId,
                Direction.OUTGOING,
                issued.unitId(),
                today.getYear(),
                number,
                issued.secret(),
                !issued.paper(),
                found.urgent()));
        return documents.find(documentId).orElseThrow();
    }

    /**
     * Revokes a document (thu hồi): it is frozen with its reason; the revocation is audited. The
     * handling module makes its recipients' copies follow.
     */
    @Transactional
    public DocumentView revoke(UUID documentId, String reason, Official by) {
        DocumentView document = documents
                .find(documentId)
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.DOCUMENT_NOT_FOUND, documentId));
        Document revoked = documents.lock(documentId).orElseThrow().revoke();
        documents.revoke(revoked.id(), clock.instant(), reason);
        audit.record(AuditEntry.by(
                by,
                RegistryAuditAction.DOCUMENT_REVOKED,
                "document",
                documentId.toString(),
                document.unitId(),
                Map.of("reason", reason)));
        events.publishEvent(
                new vn.congvan.registry.DocumentRevoked(documentId, document.direction(), document.unitId(), reason));
        return documents.find(documentId).orElseThrow();
    }

    /**
     * Runs a registration in its own transaction. The same submission sent twice at once (a double
     * click, a retried request) queues on the register's counter; the second then meets the first's
     * submission key and answers with the document the first registered.
     */
    private DocumentView once(
            Official clerk,
            @Nullable String submissionKey,
            @Nullable String requestDigest,
            Supplier<DocumentView> registration) {
        String key = trim(submissionKey);
        try {
            return transactions.execute(tx -> {
                refuseAnotherRequestUnder(clerk, key, requestDigest);
                DocumentView registered = registration.get();
                if (key != null && requestDigest != null) {
                    documents.recordSubmissionDigest(registered.id(), requestDigest);
                }
                return registered;
            });
        } catch (DuplicateKeyException e) {
            refuseAnotherRequestUnder(clerk, key, requestDigest);
            return sameSubmission(clerk, submissionKey).orElseThrow(() -> e);
        }
    }

    /** The key answers the first request sent with it: a different one under it is a client's mistake. */
    private void refuseAnotherRequestUnder(Official clerk, @Nullable String key, @Nullable String requestDigest) {
        if (key == null || requestDigest == null) {
            return;
        }
        documents
                .submissionDigest(clerk.personId(), key)
                .filter(first -> !first.equals(requestDigest))
                .ifPresent(first -> {
                    throw DomainException.conflict("registry.idempotency-key.reused", key);
                });
    }

    private DocumentView issue(
            OutgoingMetadata m,
            UploadedFile main,
            List<UploadedFile> attachments,
            Official clerk,
            LocalDate issuedOn,
            boolean numberNow) {
        UnitView unit = unitOf(m.unitId());
        if (numberNow) {
            DocumentAccess.requireClerk(clerk, unit.id());
        } else if (!clerk.belongsTo(unit.id())) {
            throw DomainException.forbidden("registry.unit.not-member");
        }
        Optional<DocumentView> same = sameSubmission(clerk, m.submissionKey());
        if (same.isPresent()) {
            return same.get();
        }
        List<FieldProblem> problems = new ArrayList<>();
        DocumentType type = typeOf(m.typeName(), problems);
        DivisionView division = null;
        if (m.draftingDivisionId() != null) {
            division = directory
                    .findDivision(m.draftingDivisionId())
                    .filter(d -> d.unitId().equals(unit.id()))
                    .orElse(null);
            if (division == null) {
                problems.add(new FieldProblem("draftingDivisionId", "registry.division.not-in-unit"));
            }
        }
        Instant now = clock.instant();
        LocalDate today = issuedOn;
        if (issuedOn.isAfter(LocalDate.ofInstant(now, VietnamTime.ZONE))) {
            problems.add(new FieldProblem("issuedDate", "registry.date.future"));
        }
        if (m.dueDate() != null && m.dueDate().isBefore(today)) {
            problems.add(new FieldProblem("dueDate", "registry.date.due-before-issue"));
        }
        List<DocumentView.RecipientView> recipients = recipients(m.recipients(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        StoredFiles files = storeFiles(main, attachments);
        Document.Issue facts = new Document.Issue(
                type,
                m.described(type, today, unit.organId(), unit.name(), files.mainPages()),
                unit.abbreviation(),
                division != null ? division.id() : null,
                division != null ? division.abbreviation() : null,
                Boolean.TRUE.equals(m.paper()));
        Register register = registers.registerFor(
                unit.id(), Direction.OUTGOING, type, facts.metadata().secret());
        if (!numberNow) {
            Document prepared = Document.prepare(
                    facts, register, clerk.personId(), now, trim(m.submissionKey()), files.views(), recipients);
            return save(prepared, searchText(prepared, files.text()), clerk, RegistryAuditAction.OUTGOING_PREPARED);
        }
        int number = numbering.next(register.id(), today.getYear());
        Document document = Document.issue(
                facts, register, number, clerk.personId(), now, trim(m.submissionKey()), files.views(), recipients);
        String text = searchText(document, files.text());
        return save(document, text, clerk, RegistryAuditAction.OUTGOING_ISSUED);
    }

    /** An incoming document of the unit that looks like this one: same edXML id, or number, notation and issuer. */
    @Transactional(readOnly = true)
    public Optional<DocumentView> findDuplicate(
            UUID unitId,
            @Nullable String documentId,
            String codeNumber,
            String codeNotation,
            String organName,
            @Nullable String organId,
            LocalDate issuedDate) {
        return documents.findDuplicate(unitId, documentId, codeNumber, codeNotation, organName, organId, issuedDate);
    }

    private DocumentView save(Document document, String searchText, Official clerk, RegistryAuditAction action) {
        documents.insert(document, searchText);
        if (document.secret()) {
            documents.grant(document.id(), clerk.personId(), clerk.personId(), document.createdAt());
        }
        audit.record(AuditEntry.by(
                clerk,
                action,
                "document",
                document.id().toString(),
                document.unitId(),
                Map.of(
                        "number", String.valueOf(document.number()),
                        "year", Integer.toString(document.registerYear()),
                        "register", document.registerId().toString(),
                        "notation",
                                String.valueOf(DocumentView.notationOf(
                                        document.metadata().codeNumber(),
                                        document.metadata().codeNotation())))));
        if (document.number() != null) {
            events.publishEvent(new DocumentRegistered(
                    document.id(),
                    document.direction(),
                    document.unitId(),
                    document.registerYear(),
                    document.number(),
                    document.secret(),
                    !document.paper(),
                    document.metadata().priority().isUrgent()));
        }
        for (DocumentView.FileView file : document.files()) {
            events.publishEvent(new FileVersionAdded(
                    document.id(), document.unitId(), file.id(), 1, file.sha256(), file.contentType()));
        }
        return documents.find(document.id()).orElseThrow();
    }

    /** The words the document is found by: its metadata, its recipients and the text of its PDF. */
    private static String searchText(Document d, String pdfText) {
        SearchableText text = new SearchableText()
                .add(d.metadata().typeName())
                .add(d.metadata().codeNumber())
                .add(d.metadata().codeNotation())
                .add(d.metadata().organName())
                .add(d.metadata().subject())
                .add(d.metadata().signer().fullName())
                .add(d.metadata().description())
                .add(d.metadata().toPlaces());
        d.recipients().forEach(r -> text.add(r.organName()));
        return text.add(pdfText).folded();
    }

    private Optional<DocumentView> sameSubmission(Official clerk, @Nullable String submissionKey) {
        String key = trim(submissionKey);
        if (key == null) {
            return Optional.empty();
        }
        return documents.findBySubmission(clerk.personId(), key).flatMap(documents::find);
    }

    private UnitView unitOf(UUID unitId) {
        return directory
                .findUnit(unitId)
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.UNIT_UNKNOWN, unitId));
    }

    private static DocumentType typeOf(String typeName, List<FieldProblem> problems) {
        Optional<DocumentType> type = DocumentType.parse(typeName);
        if (type.isEmpty()) {
            problems.add(new FieldProblem("typeName", "registry.type.unknown", typeName));
            return DocumentType.CONG_VAN;
        }
        return type.get();
    }

    private List<DocumentView.RecipientView> recipients(
            @Nullable List<OutgoingMetadata.Recipient> given, List<FieldProblem> problems) {
        List<DocumentView.RecipientView> result = new ArrayList<>();
        if (given == null) {
            return result;
        }
        int position = 1;
        for (OutgoingMetadata.Recipient r : given) {
            if (r.unitId() != null) {
                Optional<UnitView> unit = directory.findUnit(r.unitId());
                if (unit.isEmpty()) {
                    problems.add(new FieldProblem(
                            "recipients[" + (position - 1) + "].unitId", RegistryRefusals.UNIT_UNKNOWN, r.unitId()));
                } else {
                    result.add(new DocumentView.RecipientView(
                            position,
                            r.unitId(),
                            unit.get().organId(),
                            unit.get().name()));
                }
            } else if (r.organName() != null && !r.organName().isBlank()) {
                result.add(new DocumentView.RecipientView(
                        position, null, trim(r.organId()), r.organName().strip()));
            } else {
                problems.add(new FieldProblem("recipients[" + (position - 1) + "]", "registry.recipient.empty"));
            }
            position++;
        }
        return result;
    }

    /** The files stored for a registration, the main one first; no pages nor text without a main PDF. */
    private record StoredFiles(
            List<DocumentView.FileView> views, @Nullable Integer mainPages, String text) {}

    /**
     * Stores the main PDF and the attachments; without a main file (an arrival that held no PDF) the
     * attachments are stored as they came, none taken for a PDF.
     */
    private StoredFiles storeFiles(@Nullable UploadedFile main, List<UploadedFile> attachments) {
        List<DocumentView.FileView> views = new ArrayList<>();
        PdfFacts mainFacts = null;
        int position = 1;
        List<UploadedFile> all = new ArrayList<>();
        if (main != null) {
            all.add(main);
        }
        all.addAll(attachments);
        // Every name is checked before anything is stored.
        all.forEach(file -> SafeFileName.ofUpload(file.originalName()));
        for (UploadedFile file : all) {
            boolean isMain = main != null && position == 1;
            if (file.size() == 0) {
                throw new InvalidFieldsException(
                        List.of(new FieldProblem(isMain ? "file" : "attachments", "registry.file.empty")));
            }
            StoredBlob blob = file.sha256() != null ? blobs.hold(file.sha256()) : stored(file);
            String name = SafeFileName.of(file.originalName() == null ? "" : file.originalName())
                    .value();
            boolean looksPdf = main != null
                    && (isMain
                            || PDF.equals(file.contentType())
                            || name.toLowerCase().endsWith(".pdf"));
            Integer pages = null;
            boolean textNotExtracted = false;
            if (looksPdf) {
                try {
                    PdfFacts facts = blobs.withLocalFile(blob.sha256(), pdfs::inspect);
                    pages = facts.pageCount();
                    if (isMain) {
                        mainFacts = facts;
                        textNotExtracted = !facts.textExtracted();
                    }
                } catch (DomainException e) {
                    throw new InvalidFieldsException(
                            List.of(new FieldProblem(isMain ? "file" : "attachments", e.code(), name)));
                }
            }
            String contentType = looksPdf ? PDF : contentTypeOf(file.contentType());
            views.add(new DocumentView.FileView(
                    UUID.randomUUID(),
                    isMain ? "MAIN" : "ATTACHMENT",
                    position,
                    name,
                    contentType,
                    blob.size(),
                    blob.sha256(),
                    pages,
                    textNotExtracted));
            position++;
        }
        return mainFacts == null
                ? new StoredFiles(views, null, "")
                : new StoredFiles(views, mainFacts.pageCount(), mainFacts.text());
    }

    private StoredBlob stored(UploadedFile file) {
        try (InputStream in = file.source().open()) {
            return blobs.store(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentTypeOf(@Nullable String declared) {
        if (declared == null
                || declared.isBlank()
                || declared.length() > 100
                || !declared.matches("[\\w.+-]+/[\\w.+-]+")) {
            return "application/octet-stream";
        }
        return declared;
    }

    private static @Nullable String trim(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
