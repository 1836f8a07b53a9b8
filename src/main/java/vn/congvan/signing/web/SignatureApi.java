package vn.congvan.signing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
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
import vn.congvan.shared.DomainException;
import vn.congvan.shared.HoldsRole;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.PdfSignatures;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.ValidationReport;
import vn.congvan.signing.document.DocumentSigning;
import vn.congvan.signing.document.SignatureRequest;
import vn.congvan.signing.document.SignedFile;
import vn.congvan.signing.images.ImageUploads;
import vn.congvan.signing.images.TransparentPng;
import vn.congvan.signing.validation.DocumentSignatures;
import vn.congvan.signing.validation.SignatureValidations;

/** The signing API: sign a document with a server-held key, validate any PDF, upload signature and seal images. */
@RestController
@Tag(name = "signatures")
class SignatureApi {

    private final DocumentSigning signing;
    private final PdfSignatures signatures;
    private final ImageUploads images;
    private final SignatureValidations validations;

    SignatureApi(
            DocumentSigning signing, PdfSignatures signatures, ImageUploads images, SignatureValidations validations) {
        this.signing = signing;
        this.signatures = signatures;
        this.images = images;
        this.validations = validations;
    }

    @PostMapping(path = "/api/v1/documents/{id}/signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "signDocument",
            summary = "Sign a document's file (the main one unless fileId is given) with the caller's own key "
                    + "(PERSONAL) or, as the unit's clerk, with the unit's key (ORGANIZATION); the signed PDF "
                    + "becomes the file's new version. A personal signature goes to page/x/y (points from the "
                    + "page's top-left corner), over the marker text, or above the signer's name.")
    ResponseEntity<SignedFile> signDocument(
            @PathVariable UUID id, @RequestBody SignBody body, @AuthenticationPrincipal Official official) {
        if (body.kind() == null) {
            throw DomainException.invalid(SigningRefusals.KIND_REQUIRED);
        }
        SignedFile signed = signing.sign(
                new SignatureRequest(id, body.kind(), body.fileId(), body.page(), body.x(), body.y(), body.marker()),
                official);
        return ResponseEntity.status(HttpStatus.CREATED).body(signed);
    }

    @PostMapping(path = "/api/v1/signature-validations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            operationId = "validateSignatures",
            summary = "Validate every signature of a PDF (part 'file'): signer, unit, certificate, time, level, "
                    + "verdict and its reason in the reader's language; a PDF whose streams decode past "
                    + "congvan.pdf.max-decoded-size is not checked: no signatures, and notChecked says why")
    ValidationReport validateSignatures(@RequestPart("file") MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return signatures.validate(in, LocaleContextHolder.getLocale());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/documents/{id}/signature-validation")
    @Operation(
            operationId = "getSignatureValidation",
            summary = "The verdict kept on the signatures of each PDF file of a document, validated when the file "
                    + "entered CongVan (registration, new version, signature): UNSIGNED, ALL_VALID, SOME_INVALID, "
                    + "INDETERMINATE or TOO_LARGE (not checked: decodes past the bounds), when and against which "
                    + "trust list (trustList: fingerprint of the trust anchors) "
                    + "it was validated, whether a file was altered after signing, and each signature's checks (its "
                    + "integrity apart from its certificate's worth); a verdict made against other trust anchors is "
                    + "made again first. noSignedPdf: the document arrived without any PDF, there is no signature to "
                    + "check")
    DocumentSignatures getSignatureValidation(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return validations.of(official, id, LocaleContextHolder.getLocale());
    }

    @PostMapping("/api/v1/documents/{id}/signature-validation")
    @Operation(
            operationId = "revalidateDocument",
            summary = "Validate the signatures of each PDF file of a document again, now and against the trust "
                    + "anchors in force (a certificate revoked or expired since, an authority trusted since), and keep "
                    + "the verdicts; for anyone who may read the document")
    DocumentSignatures revalidateDocument(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return validations.recheck(official, id, LocaleContextHolder.getLocale());
    }

    @PutMapping(path = "/api/v1/people/{personId}/signature-image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            operationId = "uploadSignatureImage",
            summary = "Upload one's signature image (part 'file'): a blue PNG with a transparent background")
    ImageJson uploadSignatureImage(
            @PathVariable UUID personId,
            @RequestPart("file") MultipartFile file,
            @AuthenticationPrincipal Official official) {
        TransparentPng png = images.uploadSignature(official, personId, bytes(file));
        return new ImageJson(png.width(), png.height());
    }

    @PutMapping(path = "/api/v1/units/{unitId}/seal-image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @HoldsRole(value = Role.CLERK, refusal = "signing.organization.clerk-only")
    @Operation(
            operationId = "uploadSealImage",
            summary = "Upload the unit's seal image (part 'file'), by its clerk: a red PNG at the seal's real "
                    + "size with a transparent background")
    ImageJson uploadSealImage(
            @PathVariable UUID unitId,
            @RequestPart("file") MultipartFile file,
            @AuthenticationPrincipal Official official) {
        TransparentPng png = images.uploadSeal(official, unitId, bytes(file));
        return new ImageJson(png.width(), png.height());
    }

    private static byte[] bytes(MultipartFile file) {
        if (file.getSize() > TransparentPng.MAX_BYTES) {
            throw DomainException.invalid("signing.image.too-large", TransparentPng.MAX_BYTES / 1024);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
