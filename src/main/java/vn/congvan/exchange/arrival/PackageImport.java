package vn.congvan.exchange.arrival;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlAttachment;
import vn.congvan.exchange.edxml.EdxmlDocument;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.EdxmlStatus;
import vn.congvan.exchange.edxml.MessageHeader;
import vn.congvan.exchange.outside.ReceivedStatuses;
import vn.congvan.registry.Confidentiality;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.IncomingMetadata;
import vn.congvan.registry.Priority;
import vn.congvan.registry.Registrations;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.registry.StoredFile;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * A received edXML document package registered by the unit's clerk as an incoming document: its
 * header becomes the metadata, its first PDF the main file and the other files the attachments
 * (kept by the storage); validation on intake then checks its signatures. A package without any PDF,
 * taken from the tray as such, keeps its files as attachments and is marked as having no signed PDF.
 * The registry warns of a package registered before by its edXML DocumentId.
 */
@Component
public class PackageImport {

    private final Edxml edxml;
    private final Blobs blobs;
    private final Registrations registrations;
    private final ReceivedStatuses statuses;

    PackageImport(Edxml edxml, Blobs blobs, Registrations registrations, ReceivedStatuses statuses) {
        this.statuses = statuses;
        this.edxml = edxml;
        this.blobs = blobs;
        this.registrations = registrations;
    }

    /** What an imported package did: registered an incoming document, or applied a status to a sent one. */
    public record Imported(DocumentView document, boolean status) {}

    /**
     * Imports a package received outside the axis (by e-mail, on a disk): a document package is
     * registered by the unit's clerk, a status package applied to the unit's outgoing document it
     * reports on ({@code exchange.status.unknown-document} when the unit never sent it).
     */
    @org.springframework.transaction.annotation.Transactional
    public Imported importPackage(Official clerk, UUID unitId, InputStream in, boolean confirmDuplicate) {
        requireClerk(clerk, unitId);
        try (EdxmlPackage received = edxml.read(in)) {
            EdxmlStatus status = received.status();
            if (status == null) {
                return new Imported(register(clerk, unitId, received, confirmDuplicate, false), false);
            }
            UUID sent = statuses.documentOf(status)
                    .filter(id -> registrations
                            .find(id)
                            .map(d -> d.unitId().equals(unitId))
                            .orElse(false))
                    .orElseThrow(() -> DomainException.notFound(
                            "exchange.status.unknown-document",
                            status.responseFor().documentId()));
            statuses.refusal(status).ifPresent(refused -> {
                throw refused;
            });
            if (statuses.apply(status, null) != ReceivedStatuses.Outcome.APPLIED) {
                throw DomainException.conflict(
                        "exchange.status.not-a-recipient", status.from().organId());
            }
            return new Imported(registrations.find(sent).orElseThrow(), true);
        }
    }

    /**
     * Registers a received document package as an incoming document of the unit. A package without
     * any PDF is registered only when {@code withoutPdf} says the clerk took it from the tray as such:
     * its files then are all attachments, and the document says it has no signed PDF.
     */
    public DocumentView register(
            Official clerk, UUID unitId, InputStream in, boolean confirmDuplicate, boolean withoutPdf) {
        requireClerk(clerk, unitId);
        try (EdxmlPackage received = edxml.read(in)) {
            return register(clerk, unitId, received, confirmDuplicate, withoutPdf);
        }
    }

    /**
     * Refuses anyone but the unit's clerk before a byte of the package is read: parsing and decoding
     * a package is work a caller without the right must not be able to make the server do.
     */
    private static void requireClerk(Official official, UUID unitId) {
        if (!official.holds(vn.congvan.shared.Role.CLERK, unitId)) {
            throw DomainException.forbidden(RegistryRefusals.CLERK_ONLY);
        }
    }

    private DocumentView register(
            Official clerk, UUID unitId, EdxmlPackage received, boolean confirmDuplicate, boolean withoutPdf) {
        if (received.document() == null) {
            throw DomainException.invalid("exchange.import.not-a-document");
        }
        List<StoredFile> pdfs = new ArrayList<>();
        List<StoredFile> others = new ArrayList<>();
        for (EdxmlAttachment a : received.attachments()) {
            StoredFile file = stored(a);
            boolean pdf = a.pdf();
            (pdf ? pdfs : others)
                    .add(pdf ? new StoredFile(file.sha256(), file.fileName(), "application/pdf", file.size()) : file);
        }
        if (pdfs.isEmpty() && withoutPdf && !others.isEmpty()) {
            return registrations.registerArrivalWithoutPdf(
                    metadata(unitId, received.document(), confirmDuplicate), others, clerk);
        }
        if (pdfs.isEmpty()) {
            throw DomainException.invalid("exchange.import.no-pdf");
        }
        List<StoredFile> attachments = new ArrayList<>(pdfs.subList(1, pdfs.size()));
        attachments.addAll(others);
        return registrations.registerArrival(
                metadata(unitId, received.document(), confirmDuplicate), pdfs.get(0), attachments, clerk);
    }

    private StoredFile stored(EdxmlAttachment a) {
        try (InputStream content = a.open()) {
            StoredBlob blob = blobs.store(content);
            return new StoredFile(blob.sha256(), a.name().toString(), a.contentType(), blob.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metadata of the package: every field of the header the registry keeps, as DocumentPackages writes them. */
    private static IncomingMetadata metadata(UUID unitId, EdxmlDocument document, boolean confirmDuplicate) {
        MessageHeader h = document.header();
        LocalDate issued = h.promulgationDate() != null ? h.promulgationDate() : LocalDate.now(VietnamTime.ZONE);
        String typeName = h.documentType().typeName().isBlank()
                ? "Công văn"
                : h.documentType().typeName();
        String toPlaces = String.join(
                "\n",
                h.toPlaces().stream()
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList());
        int copies = h.otherInfo().promulgationAmount();
        DocumentMetadata described = new DocumentMetadata(
                typeName,
                blankToNull(h.code().number()),
                blankToNull(h.code().notation()),
                issued,
                blankToNull(h.from().organId()),
                h.from().organName(),
                h.subject(),
                "vi",
                h.otherInfo().pageAmount() > 0 ? h.otherInfo().pageAmount() : null,
                null,
                new DocumentMetadata.Signer(
                        authorityOf(h.signerInfo().competence()),
                        blankToNull(h.signerInfo().position()),
                        blankToNull(h.signerInfo().fullName())),
                Priority.ofCode(Math.min(Math.max(h.otherInfo().priority(), 0), 4)),
                Confidentiality.NONE,
                copies > 0 && copies <= 99999 ? copies : null,
                h.dueDate(),
                blankToNull(toPlaces));
        return IncomingMetadata.of(
                unitId,
                described,
                OffsetDateTime.now(VietnamTime.ZONE),
                blankToNull(h.documentId()),
                document.business() != null && document.business().paper(),
                confirmDuplicate,
                null);
    }

    /** The signing authority a competence begins with ("KT. CHỦ TỊCH" is KT.); none when it names none. */
    static SignerAuthority authorityOf(String competence) {
        String text = competence.strip().toUpperCase(java.util.Locale.ROOT);
        for (SignerAuthority authority : SignerAuthority.values()) {
            if (authority != SignerAuthority.NONE && text.startsWith(authority.prefix())) {
                return authority;
            }
        }
        return SignerAuthority.NONE;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
