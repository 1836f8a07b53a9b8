package vn.congvan.signing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.document.PreparedSignature;
import vn.congvan.signing.document.SignatureRequest;
import vn.congvan.signing.document.SignedFile;
import vn.congvan.signing.document.TwoStepSigning;

/** Two-step signing for clients that hold the key themselves: prepare the data to sign, then complete. */
@RestController
@Tag(name = "signatures")
class SignatureSessionApi {

    private final TwoStepSigning signing;

    SignatureSessionApi(TwoStepSigning signing) {
        this.signing = signing;
    }

    @PostMapping(path = "/api/v1/documents/{id}/signature-sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "prepareSignature",
            summary = "Prepare a signature by a key held outside the server (mobile app, token middleware): "
                    + "by the same rules and with the same appearance as signDocument, for the caller's registered "
                    + "certificate (base64 DER) and its chain. Returns a session and dataToSign (base64 DER of the "
                    + "CMS signed attributes, to sign as SHA256withRSA or SHA256withECDSA, not a digest); the "
                    + "signing time is kept server-side until the session expires.")
    ResponseEntity<PreparedSignature> prepareSignature(
            @PathVariable UUID id, @RequestBody PrepareBody body, @AuthenticationPrincipal Official official) {
        if (body.kind() == null) {
            throw DomainException.invalid(SigningRefusals.KIND_REQUIRED);
        }
        if (body.certificate() == null || body.certificate().isBlank()) {
            throw DomainException.invalid("signing.session.certificate-required");
        }
        List<byte[]> chain = new ArrayList<>();
        if (body.chain() != null) {
            for (String certificate : body.chain()) {
                chain.add(base64(certificate, SigningRefusals.CERTIFICATE_UNREADABLE));
            }
        }
        PreparedSignature prepared = signing.prepare(
                new SignatureRequest(id, body.kind(), body.fileId(), body.page(), body.x(), body.y(), body.marker()),
                base64(body.certificate(), SigningRefusals.CERTIFICATE_UNREADABLE),
                chain,
                official);
        return ResponseEntity.status(HttpStatus.CREATED).body(prepared);
    }

    @PostMapping(path = "/api/v1/signature-sessions/{sessionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "completeSignature",
            summary = "Complete a prepared signature with the signature value (base64) over its dataToSign: the "
                    + "value is checked against the certificate, the PDF finished with the prepared signing time "
                    + "and kept as the file's new version. A session serves once, for the user who prepared it.")
    ResponseEntity<SignedFile> completeSignature(
            @PathVariable UUID sessionId, @RequestBody CompleteBody body, @AuthenticationPrincipal Official official) {
        if (body.signatureValue() == null || body.signatureValue().isBlank()) {
            throw DomainException.invalid("signing.session.signature-value-required");
        }
        SignedFile signed = signing.complete(
                sessionId, base64(body.signatureValue(), "signing.session.signature-value-required"), official);
        return ResponseEntity.status(HttpStatus.CREATED).body(signed);
    }

    private static byte[] base64(@Nullable String text, String code) {
        try {
            return Base64.getMimeDecoder().decode(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(code);
        }
    }
}
