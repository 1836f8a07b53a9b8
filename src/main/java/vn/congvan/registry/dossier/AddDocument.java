package vn.congvan.registry.dossier;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The document to file in a dossier. */
public record AddDocument(
        @NotNull(message = "validation.required") UUID documentId) {}
