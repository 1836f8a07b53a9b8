package vn.congvan.registry.dossier;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.DocumentView;

/** A document as filed in a dossier: its metadata, its main PDF and when it was added. */
record FiledDocument(
        DocumentView document,
        @Nullable String mainSha256,
        @Nullable Integer mainPages,
        Instant addedAt) {

    /** The pages the metadata gives, or those of the main PDF. */
    @Nullable
    Integer pages() {
        return document.metadata().pageAmount() != null ? document.metadata().pageAmount() : mainPages;
    }
}
