package vn.congvan.signing;

import java.util.List;
import java.util.UUID;

/** The kept verdicts on the signatures of a document's PDF files, the main file first. */
public record DocumentSignatures(UUID documentId, List<FileSignatures> files) {

    public DocumentSignatures {
        files = List.copyOf(files);
    }
}
