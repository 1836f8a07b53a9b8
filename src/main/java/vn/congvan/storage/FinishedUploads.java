package vn.congvan.storage;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Official;

/**
 * The files officials finished uploading in pieces (tus), used by id wherever a file part is
 * accepted: each is a kept content already, so using it copies nothing.
 */
public interface FinishedUploads {

    /**
     * The official's finished upload; another's is as unknown as a missing one
     * ({@code storage.upload.not-found}, 404), an unfinished one is refused ({@code storage.upload.unfinished}, 409).
     */
    FinishedUpload of(Official owner, UUID id);

    /** A finished upload: the name and type its client gave and the content it became. */
    record FinishedUpload(
            UUID id, @Nullable String fileName, @Nullable String contentType, long size, String sha256) {}
}
