package vn.congvan.registry;

import java.util.UUID;

/**
 * A content entered a document's file: version 1 when the document was registered (the main file
 * and each attachment), a later version when the file was replaced, e.g. by a signed PDF.
 */
public record FileVersionAdded(
        UUID documentId, UUID unitId, UUID fileId, int version, String sha256, String contentType) {

    public boolean pdf() {
        return "application/pdf".equals(contentType);
    }
}
