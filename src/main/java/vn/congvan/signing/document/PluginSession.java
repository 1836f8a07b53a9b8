package vn.congvan.signing.document;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.document.SignedFile.Appearance;

/** A signature handed to the desktop signing plug-in: the file it downloads, and whose signature must come back. */
record PluginSession(
        UUID id,
        UUID documentId,
        UUID fileId,
        String fileSha256,
        SignatureKind kind,
        Appearance appearance,
        UUID personId,
        Instant expiresAt,
        @Nullable Instant usedAt) {

    /** Refuses a session that already served or expired. */
    void requireOpen(Instant now) {
        if (usedAt != null) {
            throw DomainException.conflict(SigningRefusals.SESSION_USED);
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainException(HttpStatus.GONE, "signing.session.expired");
        }
    }
}
