package vn.congvan.signing.remote;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.SignedFile;

/**
 * A signature asked of a remote signing service, as its starter sees it: {@code PENDING} while the
 * signer has to confirm on the phone, then {@code SIGNED} with the signed file, {@code REFUSED} by
 * the signer, or {@code FAILED}; {@code code} and {@code message} say why in the reader's language,
 * {@code serviceMessage} what the service itself said; {@code deadline} is when the wait for the
 * signer ends, {@code kind} the signature asked (unknown once its prepared session is forgotten).
 */
public record RemoteSignature(
        UUID id,
        UUID documentId,
        State state,
        String code,
        String message,
        @Nullable String serviceMessage,
        @Nullable SignedFile signedFile,
        OffsetDateTime startedAt,
        OffsetDateTime deadline,
        @Nullable SignatureKind kind) {

    public enum State {
        PENDING,
        SIGNED,
        REFUSED,
        FAILED
    }
}
