package vn.congvan.signing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.document.SignatureRequest;
import vn.congvan.signing.remote.RemoteSignature;
import vn.congvan.signing.remote.RemoteSigning;

/** Remote and mobile signing: start a signature the signer confirms on the phone, then follow it. */
@RestController
@Tag(name = "signatures")
class RemoteSignatureApi {

    private final RemoteSigning signing;

    RemoteSignatureApi(RemoteSigning signing) {
        this.signing = signing;
    }

    @PostMapping(path = "/api/v1/documents/{id}/remote-signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "startRemoteSignature",
            summary = "Start signing a document's file with the caller's certificate held by the remote signing "
                    + "service (PKI SIM, cloud signing; registered with medium PKI_SIM or REMOTE), by the same rules "
                    + "and with the same appearance as signDocument. Answers 202 with a remote signature in state "
                    + "PENDING: the signer confirms on the phone, and getRemoteSignature tells the outcome. Started "
                    + "again while the caller's signature of the same kind on the same file is pending, it answers "
                    + "that one and asks the service nothing.")
    ResponseEntity<RemoteSignature> startRemoteSignature(
            @PathVariable UUID id, @RequestBody RemoteSignBody body, @AuthenticationPrincipal Official official) {
        if (body.kind() == null) {
            throw DomainException.invalid(SigningRefusals.KIND_REQUIRED);
        }
        RemoteSignature started = signing.start(
                new SignatureRequest(id, body.kind(), body.fileId(), body.page(), body.x(), body.y(), body.marker()),
                body.credentialID(),
                official,
                LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
    }

    @GetMapping("/api/v1/remote-signatures/{rid}")
    @Operation(
            operationId = "getRemoteSignature",
            summary = "A remote signature the caller started: PENDING (confirm on the phone), SIGNED with the "
                    + "signed file's new version, REFUSED by the signer, or FAILED, with the reason in the reader's "
                    + "language, until when the signer may confirm (deadline) and the kind of signature")
    RemoteSignature getRemoteSignature(@PathVariable UUID rid, @AuthenticationPrincipal Official official) {
        return signing.find(rid, official, LocaleContextHolder.getLocale());
    }
}
