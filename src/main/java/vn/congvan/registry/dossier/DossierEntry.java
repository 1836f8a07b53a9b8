package vn.congvan.registry.dossier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.Confidentiality;
import vn.congvan.registry.DocumentView;

/**
 * A document of a dossier at its place in chronological order ({@code docOrdinal}). A document the
 * reader may not read (a secret one without a grant) shows its number and date, not its subject.
 */
public record DossierEntry(
        int docOrdinal,
        UUID documentId,
        String typeName,
        @Nullable String codeNumber,
        @Nullable String codeNotation,
        LocalDate issuedDate,
        String organName,
        @Nullable String subject,
        @Nullable Integer pageAmount,
        Confidentiality confidentiality,
        boolean masked,
        Instant addedAt) {

    static DossierEntry of(int ordinal, FiledDocument filed, boolean readable) {
        DocumentView d = filed.document();
        return new DossierEntry(
                ordinal,
                d.id(),
                d.metadata().typeName(),
                d.metadata().codeNumber(),
                d.metadata().codeNotation(),
                d.metadata().issuedDate(),
                d.metadata().organName(),
                readable ? d.metadata().subject() : null,
                filed.pages(),
                d.metadata().confidentiality(),
                !readable,
                filed.addedAt());
    }

    /** Number and notation as printed after "Số:", e.g. {@code 15/QĐ-UBND}. */
    @JsonProperty("notation")
    public @Nullable String notation() {
        return DocumentView.notationOf(codeNumber, codeNotation);
    }
}
