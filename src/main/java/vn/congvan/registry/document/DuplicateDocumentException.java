package vn.congvan.registry.document;

import org.springframework.http.HttpStatus;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;

/** The clerk is about to register a document the unit already has; confirming registers it anyway. */
public class DuplicateDocumentException extends DomainException {

    private final transient DocumentView existing;

    DuplicateDocumentException(DocumentView existing) {
        super(
                HttpStatus.CONFLICT,
                "registry.duplicate",
                existing.notation(),
                existing.arrivalNumber(),
                existing.metadata().issuedDate());
        this.existing = existing;
    }

    public DocumentView existing() {
        return existing;
    }
}
