package vn.congvan.signing.document;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.platform.PdfBounds;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.SignatureCheck;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.ValidationReport;
import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.images.DemoImages;
import vn.congvan.signing.images.ImageKind;
import vn.congvan.signing.images.SignatureImages;
import vn.congvan.signing.keys.CertificateKind;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.PdfLayout;
import vn.congvan.signing.pades.SignatureDictionary;
import vn.congvan.signing.pades.VisibleSignature;
import vn.congvan.signing.validation.PdfValidator;
import vn.congvan.storage.Blobs;

/**
 * Chooses a signature's appearance by kind of signature, file and document: the personal one with
 * the signer's image, name and position; the seal over the personal signature already in the PDF
 * (refused when there is none valid); the attachment's and the copy's text top right of page 1.
 */
@Component
class Appearances {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SignatureImages images;
    private final PdfValidator validator;
    private final SigningCertificates certificates;
    private final Directory directory;
    private final Blobs blobs;
    private final PdfBounds bounds;

    Appearances(
            SignatureImages images,
            PdfValidator validator,
            SigningCertificates certificates,
            Directory directory,
            Blobs blobs,
            PdfBounds bounds) {
        this.bounds = bounds;
        this.images = images;
        this.validator = validator;
        this.certificates = certificates;
        this.directory = directory;
        this.blobs = blobs;
    }

    ChosenAppearance choose(
            SignatureRequest request,
            DocumentView document,
            boolean attachment,
            Path pdf,
            Official official,
            Instant signingTime) {
        PdfLayout layout = PdfLayout.read(pdf, bounds);
        if (request.kind() == SignatureKind.PERSONAL) {
            byte[] image = images.of(official.personId(), ImageKind.SIGNATURE)
                    .orElseGet(() -> DemoImages.signature(official.fullName()));
            return new ChosenAppearance(
                    Placements.personal(
                            request,
                            layout,
                            image,
                            official.fullName(),
                            positionOf(official.personId(), document),
                            document.metadata().signer().fullName(),
                            document.metadata().signer().position()),
                    Appearance.PERSONAL);
        }
        if (attachment) {
            requirePersonalSignatureOnMainFile(document);
            return new ChosenAppearance(
                    Placements.information(document, true, document.unitName(), signingTime), Appearance.ATTACHMENT);
        }
        if (Placements.copyForm(document.documentType()).isPresent()) {
            return new ChosenAppearance(
                    Placements.information(document, false, document.unitName(), signingTime), Appearance.COPY);
        }
        PdfLayout.Box personal = personalSignatureIn(pdf, layout);
        byte[] seal =
                images.of(document.unitId(), ImageKind.SEAL).orElseGet(() -> DemoImages.seal(document.unitName()));
        return new ChosenAppearance(Placements.seal(personal, seal), Appearance.SEAL);
    }

    /** What the signature dictionary says: the reason names the document, the location the unit. */
    static SignatureDictionary dictionary(
            DocumentView document, Appearance appearance, SigningCertificate certificate, Instant signingTime) {
        String notation = document.notation() != null ? document.notation() : "";
        String reason = switch (appearance) {
            case PERSONAL -> "Ký duyệt văn bản " + notation;
            case SEAL ->
                "Phát hành văn bản số " + notation + " ngày "
                        + DAY.format(document.metadata().issuedDate());
            case ATTACHMENT -> "Phát hành tài liệu kèm theo văn bản số " + notation;
            case COPY -> "Sao văn bản điện tử " + notation;
        };
        return new SignatureDictionary(certificate.commonName(), reason.strip(), document.unitName(), signingTime);
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
                    // An invisible personal signature: the seal goes where a signature block would be.
                    int last = layout.pageCount();
                    return new PdfLayout.Box(
                            last,
                            layout.pageWidth(last) - 210,
                            layout.pageHeight(last) - 170,
                            VisibleSignature.PERSONAL_WIDTH,
                            VisibleSignature.PERSONAL_HEIGHT);
                });
    }

    private void requirePersonalSignatureOnMainFile(DocumentView document) {
        if (!mainFileHasPersonalSignature(document)) {
            throw DomainException.conflict("signing.organization.needs-personal-signature");
        }
    }

    /** Whether the document's main PDF carries a valid personal signature now (validated live). */
    boolean mainFileHasPersonalSignature(DocumentView document) {
        DocumentView.FileView main = DocumentSigning.fileOf(document, null);
        ValidationReport report = blobs.withLocalFile(main.sha256(), pdf -> validator.validate(pdf, Locale.ROOT));
        return !validPersonalSignatures(report).isEmpty();
    }

    /** Whether the document's main PDF carries a valid personal signature by a certificate registered to the person. */
    boolean mainFileHasPersonalSignatureBy(DocumentView document, UUID personId) {
        DocumentView.FileView main = DocumentSigning.fileOf(document, null);
        ValidationReport report = blobs.withLocalFile(main.sha256(), pdf -> validator.validate(pdf, Locale.ROOT));
        return validPersonalSignatures(report).stream()
                .anyMatch(check -> check.certificateSha256() != null
                        && certificates
                                .registeredTo(CertificateKind.PERSONAL, personId, check.certificateSha256())
                                .isPresent());
    }

    /** Whether the document's main PDF already carries a valid organization signature (a seal). */
    boolean mainFileIsSealed(DocumentView document) {
        DocumentView.FileView main = DocumentSigning.fileOf(document, null);
        ValidationReport report = blobs.withLocalFile(main.sha256(), pdf -> validator.validate(pdf, Locale.ROOT));
        return report.signatures().stream()
                .filter(SignatureCheck::valid)
                .anyMatch(check -> check.certificateSha256() != null
                        && certificates.isOrganizationCertificate(check.certificateSha256()));
    }

    /** Valid signatures by anyone but a unit: a certificate of a unit's organization signature makes a seal. */
    private List<SignatureCheck> validPersonalSignatures(ValidationReport report) {
        return report.signatures().stream()
                .filter(SignatureCheck::valid)
                .filter(check -> check.certificateSha256() == null
                        || !certificates.isOrganizationCertificate(check.certificateSha256()))
                .toList();
    }

    private @Nullable String positionOf(UUID personId, DocumentView document) {
        return directory
                .findPerson(personId)
                .flatMap(person -> person.positions().stream()
                        .filter(p -> p.unitId().equals(document.unitId()) && p.title() != null)
                        .filter(p -> SigningRules.COMPETENT.contains(p.role()))
                        .map(PersonView.Position::title)
                        .findFirst())
                .orElse(document.metadata().signer().position());
    }
}
