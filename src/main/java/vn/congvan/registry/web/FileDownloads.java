package vn.congvan.registry.web;

import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.Download;

/** Streams a document's file from storage, named safely and never able to run as one of our pages. */
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
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.FILE_NOT_FOUND, fileId));
        // The type recorded at upload (or from an edXML ContentType) is the sender's word: the bytes decide.
        Download.Sniffed content = Download.Sniffed.of(blobs.open(file.sha256()));
        return Download.storedFile(file.fileName(), content.kind(), inline)
                .contentLength(file.size())
                .eTag("\"" + file.sha256() + "\"")
                .body(new InputStreamResource(content.content()));
    }
}
