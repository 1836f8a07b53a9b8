package vn.congvan.signing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.document.PluginSigning;
import vn.congvan.signing.document.PluginStart;
import vn.congvan.signing.document.SignatureRequest;

/** Hands a document's signature to the desktop signing plug-in, which signs it on the official's USB token. */
@RestController
@Tag(name = "signatures")
class PluginSignatureApi {

    private final PluginSigning signing;

    PluginSignatureApi(PluginSigning signing) {
        this.signing = signing;
    }

    @PostMapping(path = "/api/v1/documents/{id}/plugin-signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "startPluginSignature",
            summary = "Start a signature on the caller's USB token through the desktop signing plug-in, by the "
                    + "same rules as signDocument (kind PERSONAL or ORGANIZATION, optional fileId, page/x/y, "
                    + "marker). Returns the plug-in's operation and the request the web page hands it: a one-time "
                    + "FileDownloadUrl, the FileUploadHandler with the SessionId token, and where the visible "
                    + "signature goes with its text and image.")
    ResponseEntity<PluginStart> startPluginSignature(
            @PathVariable UUID id, @RequestBody SignBody body, @AuthenticationPrincipal Official official) {
        return ResponseEntity.status(HttpStatus.CREATED).body(start(signing, id, body, official));
    }

    static PluginStart start(PluginSigning signing, UUID id, SignBody body, Official official) {
        if (body.kind() == null) {
            throw DomainException.invalid(SigningRefusals.KIND_REQUIRED);
        }
        return signing.start(
                new SignatureRequest(id, body.kind(), body.fileId(), body.page(), body.x(), body.y(), body.marker()),
                official,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }
}
