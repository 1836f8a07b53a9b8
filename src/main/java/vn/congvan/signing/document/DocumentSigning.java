package vn.congvan.signing.document;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.FileVersionView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.DocumentSigned;
import vn.congvan.signing.SignatureCheck;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.ValidationReport;
import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.images.DemoImages;
import vn.congvan.signing.images.ImageKind;
import vn.congvan.signing.images.SignatureImages;
import vn.congvan.signing.keys.KeyStores;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.pades.PdfLayout;
import vn.congvan.signing.pades.SignatureDictionary;
import vn.congvan.signing.pades.VisibleSignature;
import vn.congvan.signing.validation.PdfValidator;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * Signs a registered document's file with a key the server holds, by the rules of signature use.
 * The PDF is signed outside any transaction (it takes a revocation check and a few seconds on a
 * large file); the signed PDF then becomes the file's new version, and the use of the key is
 * audited, in one transaction, provided nobody changed the file meanwhile.
 */
@Service
public class DocumentSigning {

    private final DocumentFiles files;
    private final SigningRules rules;
    private final KeyStores keyStores;
    private final SigningCertificates certificates;
    private final PadesSigner signer;
    private final PdfValidator validator;
    private final SignatureImages images;
    private final Directory directory;
    private final Blobs blobs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DocumentSigning(
            DocumentFiles files,
            SigningRules rules,
            KeyStores keyStores,
            SigningCertificates certificates,
            PadesSigner signer,
            PdfValidator validator,
            SignatureImages images,
            Directory directory,
            Blobs blobs,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.files = files;
        this.rules = rules;
        this.keyStores = keyStores;
        this.certificates = certificates;
        this.signer = signer;
        this.validator = validator;
        this.images = images;
        this.directory = directory;
        this.blobs = blobs;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public SignedFile sign(SignatureRequest request, Official official) {
        DocumentView document = files.readable(official, request.documentId());
        DocumentView.FileView file = fileOf(document, request.fileId());
        boolean attachment = !file.role().equals("MAIN");
        if (attachment && request.kind() == SignatureKind.PERSONAL) {
            throw DomainException.invalid("signing.attachment.organization-only");
        }
        SigningCertificate certificate = rules.certificateFor(official, document, request.kind());
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        Path signed = temporaryFile();
        try (Pkcs12SignatureToken token = keyStores.open(certificate.keyStore())) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            rules.requireNotRevoked(certificate, key);
            Appearance appearance = blobs.withLocalFile(file.sha256(), pdf -> {
                PdfLayout layout = PdfLayout.read(pdf);
                Placed placed = place(request, document, attachment, layout, pdf, official, signingTime);
                signer.sign(pdf, token, key, placed.visible(), dictionary(document, placed.appearance(), certificate,
                        signingTime), signed);
                return placed.appearance();
            });
            StoredBlob content;
            try (InputStream in = Files.newInputStream(signed)) {
                content = blobs.store(in);
            }
            FileVersionView version = transaction.execute(status ->
                    record(official, document, file, content, request.kind(), appearance, certificate, signingTime));
            return new SignedFile(document.id(), file.id(), version.version(), content.sha256(), request.kind(),
                    appearance, certificate.commonName(), certificate.serialNumber(),
                    signingTime.atZone(VietnamTime.ZONE).toOffsetDateTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(signed);
        }
    }

    /** The kinds of signature the official may apply to the document, by their roles in its unit. */
    public Set<SignatureKind> kindsFor(Official official, DocumentView document) {
        Set<SignatureKind> kinds = EnumSet.noneOf(SignatureKind.class);
        for (SignatureKind kind : SignatureKind.values()) {
            if (SigningRules.mayApply(official, document, kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The verdict on every signature of the document's main file, as the official may read it. */
    public ValidationReport signaturesOf(Official official, DocumentView document, Locale locale) {
        DocumentView.FileView main = fileOf(document, null);
        return blobs.withLocalFile(main.sha256(), pdf -> validator.validate(pdf, locale));
    }

    /** Where the signature goes and what it shows, by kind of file, document and signature. */
    private Placed place(
            SignatureRequest request, DocumentView document, boolean attachment, PdfLayout layout, Path pdf,
            Official official, Instant signingTime) {
        if (request.kind() == SignatureKind.PERSONAL) {
            byte[] image = images.of(official.personId(), ImageKind.SIGNATURE)
                    .orElseGet(() -> DemoImages.signature(official.fullName()));
            return new Placed(Placements.personal(request, layout, image, official.fullName(),
                    positionOf(official.personId(), document), document.signerFullName()), Appearance.PERSONAL);
        }
        boolean copy = Placements.copyForm(document.documentType()).isPresent();
        if (attachment || copy) {
            if (attachment) {
                requirePersonalSignatureOnMainFile(document);
            }
            return new Placed(Placements.information(document, attachment, document.unitName(), signingTime),
                    attachment ? Appearance.ATTACHMENT : Appearance.COPY);
        }
        PdfLayout.Box personal = personalSignatureIn(pdf, layout);
        byte[] seal = images.of(document.unitId(), ImageKind.SEAL)
                .orElseGet(() -> DemoImages.seal(document.unitName()));
        return new Placed(Placements.seal(personal, seal), Appearance.SEAL);
    }

    /**
     * Where the last valid personal signature of the PDF shows: the organization signature goes on
     * a document only once the competent person signed it.
     */
    private PdfLayout.Box personalSignatureIn(Path pdf, PdfLayout layout) {
        List<SignatureCheck> personal = validPersonalSignatures(validator.validate(pdf, Locale.ROOT));
        if (personal.isEmpty()) {
            throw DomainException.conflict("signing.organization.needs-personal-signature");
        }
        String field = personal.get(personal.size() - 1).fieldName();
        return layout.signatures().stream()
                .filter(widget -> widget.fieldName().equals(field))
                .map(PdfLayout.SignatureWidget::box)
                .findFirst()
                .orElseGet(() -> {
                    int last = layout.pageCount();
                    return new PdfLayout.Box(last, layout.pageWidth(last) - 210, layout.pageHeight(last) - 170,
                            VisibleSignature.PERSONAL_WIDTH, VisibleSignature.PERSONAL_HEIGHT);
                });
    }

    private void requirePersonalSignatureOnMainFile(DocumentView document) {
        DocumentView.FileView main = fileOf(document, null);
        ValidationReport report = blobs.withLocalFile(main.sha256(), pdf -> validator.validate(pdf, Locale.ROOT));
        if (validPersonalSignatures(report).isEmpty()) {
            throw DomainException.conflict("signing.organization.needs-personal-signature");
        }
    }

    private List<SignatureCheck> validPersonalSignatures(ValidationReport report) {
        return report.signatures().stream()
                .filter(SignatureCheck::valid)
                .filter(check -> check.certificateSha256() == null
                        || !certificates.isOrganizationCertificate(check.certificateSha256()))
                .toList();
    }

    private FileVersionView record(
            Official official, DocumentView document, DocumentView.FileView file, StoredBlob content,
            SignatureKind kind, Appearance appearance, SigningCertificate certificate, Instant signingTime) {
        FileVersionView version = files.replaceFile(official, document.id(), file.id(), file.sha256(), content,
                "signature." + kind.name().toLowerCase(Locale.ROOT));
        audit.record(AuditEntry.by(official, "signature.applied", "document", document.id().toString(),
                document.unitId(), Map.of(
                        "kind", kind.name(),
                        "appearance", appearance.name(),
                        "file", file.fileName(),
                        "version", Integer.toString(version.version()),
                        "certificate", certificate.serialNumber(),
                        "certificateSha256", certificate.sha256(),
                        "signingTime", VisibleSignature.iso(signingTime))));
        events.publishEvent(new DocumentSigned(document.id(), file.id(), version.version(), kind, document.unitId(),
                official.personId(), certificate.serialNumber(), signingTime));
        return version;
    }

    private static SignatureDictionary dictionary(
            DocumentView document, Appearance appearance, SigningCertificate certificate, Instant signingTime) {
        String notation = document.notation() != null ? document.notation() : "";
        String issued = document.issuedDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String reason = switch (appearance) {
            case PERSONAL -> "Ký duyệt văn bản " + notation;
            case SEAL -> "Phát hành văn bản số " + notation + " ngày " + issued;
            case ATTACHMENT -> "Phát hành tài liệu kèm theo văn bản số " + notation;
            case COPY -> "Sao văn bản điện tử " + notation;
        };
        return new SignatureDictionary(certificate.commonName(), reason.strip(), document.unitName(), signingTime);
    }

    private @Nullable String positionOf(UUID personId, DocumentView document) {
        return directory.findPerson(personId)
                .flatMap(person -> person.positions().stream()
                        .filter(p -> p.unitId().equals(document.unitId()) && p.title() != null)
                        .filter(p -> SigningRules.COMPETENT.contains(p.role()))
                        .map(PersonView.Position::title)
                        .findFirst())
                .orElse(document.signerPosition());
    }

    private static DocumentView.FileView fileOf(DocumentView document, @Nullable UUID fileId) {
        return document.files().stream()
                .filter(f -> fileId == null ? f.role().equals("MAIN") : f.id().equals(fileId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("registry.file.not-found", fileId));
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("congvan-signed-", ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file holds a signed copy of a file the storage keeps anyway.
        }
    }

    /** A visible signature and the appearance it follows. */
    private record Placed(VisibleSignature visible, Appearance appearance) {}
}
