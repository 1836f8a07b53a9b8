package vn.congvan.signing.validation;

import java.util.List;
import java.util.UUID;

/**
 * The kept verdicts on the signatures of a document's PDF files, the main file first. A document
 * that arrived without any PDF says {@code noSignedPdf}: there is no signature to check, and no
 * verdict calls it valid.
 */
public record DocumentSignatures(UUID documentId, boolean noSignedPdf, List<FileSignatures> files) {

    public DocumentSignatures {
        files = List.copyOf(files);
    }
}
