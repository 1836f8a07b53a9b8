package vn.congvan.registry.web;

import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.Blobs;

/** Streams a document's file from storage, named safely for the browser. */
@Component
class FileDownloads {

    private final Blobs blobs;

    FileDownloads(Blobs blobs) {
        this.blobs = blobs;
    }

    ResponseEntity<InputStreamResource> download(DocumentView document, UUID fileId, boolean inline) {
        DocumentView.FileView file = document.files().stream()
                .filter(f -> f.id().equals(fileId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("registry.file.not-found", fileId));
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .eTag("\"" + file.sha256() + "\"")
                .body(new InputStreamResource(blobs.open(file.sha256())));
    }
}
