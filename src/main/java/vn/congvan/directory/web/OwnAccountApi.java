package vn.congvan.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.Official;

/** The signed-in official's own account over the API. */
@RestController
@Tag(name = "directory")
class OwnAccountApi {

    private final OwnAccount account;

    OwnAccountApi(OwnAccount account) {
        this.account = account;
    }

    @PostMapping("/api/v1/account/password")
    @Operation(
            operationId = "changeOwnPassword",
            summary =
                    "Change one's own password (the current one required); every session and token ends, this one too")
    ResponseEntity<Void> changeOwnPassword(
            @AuthenticationPrincipal Official official, @Valid @RequestBody ChangePassword command) {
        account.changePassword(official, command);
        return ResponseEntity.noContent().build();
    }
}
