package vn.congvan.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.Download;

/**
 * Streams a document's file from storage, named safely and never able to run as one of our pages:
 * whole, or the byte ranges asked for (a download resumed, a PDF viewer fetching pages).
 */
@Component
class FileDownloads {

    private final Blobs blobs;

    FileDownloads(Blobs blobs) {
        this.blobs = blobs;
    }

    /**
     * The file; the Range a client asks for is served only while the file is still the one the client
     * began with: an {@code If-Range} naming another version (or a date: no date is kept) gets it whole.
     */
    ResponseEntity<Resource> download(DocumentView document, UUID fileId, boolean inline, @Nullable String ifRange) {
        DocumentView.FileView file = document.files().stream()
                .filter(f -> f.id().equals(fileId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.FILE_NOT_FOUND, fileId));
        // The type recorded at upload (or from an edXML ContentType) is the sender's word: the bytes decide.
        Download.Kind kind;
        try (InputStream head = blobs.open(file.sha256())) {
            kind = Download.Kind.of(head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + file.sha256() + "\"";
        Resource content = ifRange == null || ifRange.equals(etag)
                ? blobs.resource(file.sha256(), file.size())
                // Spring serves an InputStreamResource whole, whatever Range came with the request.
                : new InputStreamResource(blobs.open(file.sha256()));
        return Download.storedFile(file.fileName(), kind, inline)
                .eTag(etag)
                .contentLength(file.size())
                .body(content);
    }
}
