package vn.congvan.signing.document;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.pades.PadesSignature;

/** A two-step signature prepared for a key held outside the server, waiting for its signature value. */
record SignatureSession(
        UUID id,
        UUID documentId,
        UUID fileId,
        String fileSha256,
        SignatureKind kind,
        UUID certificateId,
        Appearance appearance,
        PadesSignature signature,
        byte[] dataToSign,
        UUID createdBy,
        Instant expiresAt,
        @Nullable Instant usedAt) {

    /** Refuses to finish a session that is not the caller's, already served, or expired. */
    void requireOpenFor(UUID personId, Instant now) {
        if (!createdBy.equals(personId)) {
            // Another user's session is as good as unknown to the caller.
            throw SignatureSessions.notFound(id);
        }
        if (usedAt != null) {
            throw DomainException.conflict(SigningRefusals.SESSION_USED);
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainException(HttpStatus.GONE, "signing.session.expired");
        }
    }
}
