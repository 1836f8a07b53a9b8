package vn.congvan.exchange.outside;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.exchange.edxml.Business;
import vn.congvan.exchange.edxml.BusinessDocType;
import vn.congvan.exchange.edxml.DocumentCode;
import vn.congvan.exchange.edxml.DocumentKind;
import vn.congvan.exchange.edxml.EdxmlAttachment;
import vn.congvan.exchange.edxml.EdxmlDocument;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.MessageHeader;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.exchange.edxml.OtherInfo;
import vn.congvan.exchange.edxml.Reference;
import vn.congvan.exchange.edxml.SignerInfo;
import vn.congvan.exchange.edxml.TraceHeader;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.SafeFileName;

/**
 * An issued document of the registry as the edXML package that carries it: its metadata in the
 * header, one trace header for the issuing unit, the business part (new, or revoke once revoked),
 * and its files, read from the storage as the package is written.
 */
@Component
public class DocumentPackages {

    private final Blobs blobs;

    DocumentPackages(Blobs blobs) {
        this.blobs = blobs;
    }

    /** The package of an issued (or revoked) document addressed to all its recipients. */
    public EdxmlPackage of(DocumentView d) {
        List<Organisation> to = d.recipients().stream()
                .map(r -> Organisation.of(r.organId() == null ? "" : r.organId(), r.organName()))
                .toList();
        BusinessDocType type = d.status() == DocumentStatus.REVOKED ? BusinessDocType.REVOKE : BusinessDocType.NEW;
        return of(d, to, type, "");
    }

    /** The package of an issued document for the given recipients, doing {@code type} with the reason. */
    public EdxmlPackage of(DocumentView d, List<Organisation> to, BusinessDocType type, String reason) {
        DocumentMetadata described = d.metadata();
        if (d.direction() != vn.congvan.registry.Direction.OUTGOING
                || (d.status() != DocumentStatus.ISSUED && d.status() != DocumentStatus.REVOKED)
                || d.documentId() == null
                || described.organId() == null) {
            throw DomainException.conflict("exchange.export.not-issued");
        }
        DocumentCode code =
                new DocumentCode(String.valueOf(described.codeNumber()), String.valueOf(described.codeNotation()));
        MessageHeader header = new MessageHeader(
                Organisation.of(described.organId(), described.organName()),
                to,
                d.documentId(),
                code,
                "",
                described.issuedDate(),
                new DocumentKind(1, 0, described.typeName()),
                described.subject(),
                described.subject(),
                new SignerInfo(
                        described.signer().authority().prefix(),
                        nullToEmpty(described.signer().position()),
                        nullToEmpty(described.signer().fullName())),
                described.dueDate(),
                placesOf(described.toPlaces()),
                new OtherInfo(
                        described.priority().code(),
                        "",
                        "",
                        described.issuedAmount() == null ? 0 : described.issuedAmount(),
                        described.pageAmount() == null ? 0 : described.pageAmount(),
                        List.of()),
                1,
                null);
        List<EdxmlAttachment> attachments = new ArrayList<>();
        for (DocumentView.FileView f : d.files()) {
            attachments.add(new EdxmlAttachment(
                    f.id().toString(),
                    SafeFileName.of(f.fileName()),
                    f.contentType(),
                    f.role().equals("MAIN") ? "Văn bản" : "Phụ lục",
                    () -> blobs.open(f.sha256())));
        }
        Business business = new Business(type, reason, d.documentId(), d.paper(), "", "", List.of(), List.of(), null);
        EdxmlDocument document = new EdxmlDocument(
                header,
                List.of(new TraceHeader(described.organId(), LocalDateTime.now(VietnamTime.ZONE))),
                business,
                attachments.stream().map(Reference::of).toList());
        return EdxmlPackage.ofDocument(document, attachments);
    }

    /** The places of the "Nơi nhận" text, one a line, each a {@code Place}. */
    private static List<String> placesOf(@Nullable String toPlaces) {
        return toPlaces == null
                ? List.of()
                : toPlaces.lines().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
