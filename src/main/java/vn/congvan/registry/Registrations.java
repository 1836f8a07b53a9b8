package vn.congvan.registry;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.congvan.registry.document.DocumentRegistration;
import vn.congvan.registry.document.Documents;
import vn.congvan.registry.document.UploadedFile;
import vn.congvan.registry.dossier.DossierFiling;
import vn.congvan.shared.Official;
import vn.congvan.storage.Blobs;

/**
 * What other modules enter in the registry, with files the storage already keeps: an approved draft
 * prepared for issue, its numbering by the clerk, an arrival from another unit registered by the
 * receiving clerk, and a revocation.
 */
@Service
public class Registrations {

    private final DocumentRegistration registration;
    private final Documents documents;
    private final Blobs blobs;
    private final DossierFiling dossiers;

    private final vn.congvan.directory.Directory directory;
    private final vn.congvan.audit.AuditTrail audit;

    Registrations(
            DocumentRegistration registration,
            Documents documents,
            Blobs blobs,
            DossierFiling dossiers,
            vn.congvan.directory.Directory directory,
            vn.congvan.audit.AuditTrail audit) {
        this.directory = directory;
        this.audit = audit;
        this.dossiers = dossiers;
        this.registration = registration;
        this.documents = documents;
        this.blobs = blobs;
    }

    /** An approved document of the unit, waiting to be signed and numbered (chờ phát hành). */
    public DocumentView prepare(OutgoingMetadata m, StoredFile main, List<StoredFile> attachments, Official by) {
        return registration.prepareOutgoing(
                m, uploaded(main), attachments.stream().map(this::uploaded).toList(), by);
    }

    /** The clerk numbers a prepared document and issues it, dated today. */
    public DocumentView number(UUID documentId, Official clerk) {
        return registration.numberPrepared(documentId, clerk);
    }

    /** The receiving clerk registers a document that arrived from another unit, with its files. */
    public DocumentView registerArrival(
            IncomingMetadata m, StoredFile main, List<StoredFile> attachments, Official clerk) {
        return registration.registerIncoming(
                m, uploaded(main), attachments.stream().map(this::uploaded).toList(), clerk);
    }

    /**
     * The receiving clerk registers an electronic arrival whose package held no PDF (an older
     * vendor's zipped Word file): its files, kept as they came, become the document's attachments and
     * the document says it has no signed PDF ({@link DocumentView#noSignedPdf()}).
     */
    public DocumentView registerArrivalWithoutPdf(IncomingMetadata m, List<StoredFile> files, Official clerk) {
        return registration.registerIncomingWithoutPdf(
                m, files.stream().map(this::uploaded).toList(), clerk);
    }

    /** Freezes a document as revoked (thu hồi), with the reason. */
    public DocumentView revoke(UUID documentId, String reason, Official by) {
        return registration.revoke(documentId, reason, by);
    }

    /**
     * Adds a unit of the installation to the recipients of an issued document of the official's
     * unit (an update, edXML business type 2); audited. Answers whether it was not one already.
     */
    @org.springframework.transaction.annotation.Transactional
    public boolean addRecipient(UUID documentId, UUID unitId, Official by) {
        DocumentView document = documents
                .find(documentId)
                .orElseThrow(() ->
                        vn.congvan.shared.DomainException.notFound(RegistryRefusals.DOCUMENT_NOT_FOUND, documentId));
        vn.congvan.directory.UnitView unit = directory
                .findUnit(unitId)
                .orElseThrow(() -> vn.congvan.shared.DomainException.invalid(RegistryRefusals.UNIT_UNKNOWN, unitId));
        boolean added = documents.addRecipient(documentId, unitId, unit.organId(), unit.name());
        if (added) {
            audit.record(vn.congvan.audit.AuditEntry.by(
                    by,
                    RegistryAuditAction.RECIPIENT_ADDED,
                    "document",
                    documentId.toString(),
                    document.unitId(),
                    java.util.Map.of("recipient", unit.name())));
        }
        return added;
    }

    /** Files the document in an open work dossier (hồ sơ công việc) the official may change. */
    public void file(UUID dossierId, UUID documentId, Official official) {
        dossiers.add(dossierId, documentId, official);
    }

    /**
     * The document whatever the caller's units: for a module that decided itself who may see it
     * (the recipients of a delivered document read the sender's copy before registering their own).
     */
    public java.util.Optional<DocumentView> find(UUID documentId) {
        return documents.find(documentId);
    }

    /** Which of these documents are Khẩn or more, without reading them: for ordering a long list. */
    public java.util.Set<UUID> urgentAmong(java.util.Collection<UUID> documentIds) {
        return documents.urgentAmong(documentIds);
    }

    private UploadedFile uploaded(StoredFile file) {
        return new UploadedFile(
                file.fileName(), file.contentType(), file.size(), () -> blobs.open(file.sha256()), file.sha256());
    }
}
