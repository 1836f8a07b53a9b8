package vn.congvan.exchange.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.congvan.exchange.Edxml;
import vn.congvan.exchange.EdxmlAttachment;
import vn.congvan.exchange.EdxmlPackage;
import vn.congvan.exchange.MessageHeader;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.IncomingMetadata;
import vn.congvan.registry.Registrations;
import vn.congvan.registry.StoredFile;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * A received edXML document package registered by the unit's clerk as an incoming document: its
 * header becomes the metadata, its first PDF the main file and the other files the attachments
 * (kept by the storage); validation on intake then checks its signatures. The registry warns of a
 * package registered before by its edXML DocumentId.
 */
@Component
class PackageImport {

    private final Edxml edxml;
    private final Blobs blobs;
    private final Registrations registrations;

    PackageImport(Edxml edxml, Blobs blobs, Registrations registrations) {
        this.edxml = edxml;
        this.blobs = blobs;
        this.registrations = registrations;
    }

    DocumentView register(Official clerk, UUID unitId, InputStream in, boolean confirmDuplicate) {
        try (EdxmlPackage received = edxml.read(in)) {
            if (received.document() == null) {
                throw DomainException.invalid("exchange.import.not-a-document");
            }
            List<StoredFile> pdfs = new ArrayList<>();
            List<StoredFile> others = new ArrayList<>();
            for (EdxmlAttachment a : received.attachments()) {
                StoredFile file = stored(a);
                boolean pdf = a.contentType().equalsIgnoreCase("application/pdf")
                        || a.name().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
                (pdf ? pdfs : others).add(pdf ? new StoredFile(file.sha256(), file.fileName(), "application/pdf",
                        file.size()) : file);
            }
            if (pdfs.isEmpty()) {
                throw DomainException.invalid("exchange.import.no-pdf");
            }
            List<StoredFile> attachments = new ArrayList<>(pdfs.subList(1, pdfs.size()));
            attachments.addAll(others);
            return registrations.registerArrival(metadata(unitId, received.document().header(), confirmDuplicate),
                    pdfs.get(0), attachments, clerk);
        }
    }

    private StoredFile stored(EdxmlAttachment a) {
        try (InputStream content = a.open()) {
            StoredBlob blob = blobs.store(content);
            return new StoredFile(blob.sha256(), a.name().toString(), a.contentType(), blob.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IncomingMetadata metadata(UUID unitId, MessageHeader h, boolean confirmDuplicate) {
        LocalDate issued = h.promulgationDate() != null ? h.promulgationDate() : LocalDate.now(VietnamTime.ZONE);
        String typeName = h.documentType().typeName().isBlank() ? "Công văn" : h.documentType().typeName();
        return new IncomingMetadata(unitId, typeName, blankToNull(h.code().number()), blankToNull(h.code().notation()),
                issued, blankToNull(h.from().organId()), h.from().organName(), h.subject(), null,
                blankToNull(h.signerInfo().position()), blankToNull(h.signerInfo().fullName()),
                Math.min(Math.max(h.otherInfo().priority(), 0), 4), 0, h.dueDate(), null, null, null,
                h.otherInfo().pageAmount() > 0 ? h.otherInfo().pageAmount() : null,
                OffsetDateTime.now(VietnamTime.ZONE), blankToNull(h.documentId()), false, confirmDuplicate, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
