package vn.congvan.storage.upload;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import vn.congvan.shared.DomainException;

/**
 * An upload as its row records it: whose it is, how long the file will be, how many of its bytes
 * the server holds, and the content it became once complete, and the size of the pieces its bytes are held in (0: one file). Bytes are taken only at the offset the
 * upload stands at, only before it expires, and never past its length.
 */
record FileUpload(
        UUID id,
        UUID ownerId,
        long length,
        long offset,
        @Nullable String fileName,
        @Nullable String contentType,
        @Nullable String sha256,
        Instant expiresAt,
        long pieceSize) {

    boolean complete() {
        return sha256 != null;
    }

    /** Refuses bytes offered at {@code at} unless the upload is unfinished, unexpired and stands there. */
    void requireResumableAt(long at, Instant now) {
        if (complete()) {
            throw DomainException.conflict("storage.upload.complete");
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainException(HttpStatus.GONE, "storage.upload.expired");
        }
        if (at != offset) {
            throw DomainException.conflict("storage.upload.offset", offset, at);
        }
    }

    /** How many bytes the upload still lacks. */
    long missing() {
        return length - offset;
    }
}
