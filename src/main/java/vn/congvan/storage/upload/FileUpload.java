package vn.congvan.storage.upload;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.store.PendingUploads;

/**
 * An upload as its row records it: whose it is, how long the file will be, how many of its bytes
 * the server holds, the content it became once complete, the size of the pieces its bytes are held
 * in (0: one file) and the requests that wrote them. Bytes are taken only at the offset the upload
 * stands at, only before it expires, and never past its length.
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
        long pieceSize,
        PendingUploads.PieceWriters pieceWriters) {

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

    /** The upload's bytes as the store lays them out. */
    PendingUploads.PendingUpload pending() {
        return new PendingUploads.PendingUpload(id, length, pieceSize, pieceWriters);
    }

    /** The upload at {@code offset}, complete as {@code sha256} when given. */
    FileUpload at(long offset, @Nullable String sha256) {
        return new FileUpload(
                id, ownerId, length, offset, fileName, contentType, sha256, expiresAt, pieceSize, pieceWriters);
    }

    /** The upload with its pieces written by {@code writers}. */
    FileUpload withWriters(PendingUploads.PieceWriters writers) {
        return new FileUpload(
                id, ownerId, length, offset, fileName, contentType, sha256, expiresAt, pieceSize, writers);
    }

    /** How many bytes the upload still lacks. */
    long missing() {
        return length - offset;
    }
}
