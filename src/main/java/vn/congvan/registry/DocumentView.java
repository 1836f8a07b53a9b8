package vn.congvan.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A registered document with its {@link DocumentMetadata} (Decree 30 Appendix VI, flat in its JSON). For an
 * outgoing document {@code codeNumber}/{@code codeNotation} are the ones the unit gave it; for an
 * incoming one they are the sender's, and {@code arrivalNumber} is the unit's own. An incoming
 * document registered from an electronic package that held no PDF says {@code noSignedPdf}: its
 * files are the package's, kept as they came, all attachments, and there is no signature to check.
 */
public record DocumentView(
        UUID id,
        Direction direction,
        DocumentStatus status,
        UUID unitId,
        String unitName,
        UUID registerId,
        int registerYear,
        DocumentType documentType,
        @JsonUnwrapped DocumentMetadata metadata,
        @Nullable OffsetDateTime arrivalDate,
        @Nullable Integer arrivalNumber,
        @Nullable String documentId,
        @Nullable UUID draftingDivisionId,
        boolean paper,
        UUID createdBy,
        Instant createdAt,
        boolean noSignedPdf,
        List<FileView> files,
        List<RecipientView> recipients) {

    /** Number and notation as printed after "Số:", e.g. {@code 15/QĐ-UBND}. */
    @JsonProperty("notation")
    public @Nullable String notation() {
        return metadata.notation();
    }

    /** Joins a number and a notation as written after "Số:", either of which may be missing. */
    public static @Nullable String notationOf(@Nullable String codeNumber, @Nullable String codeNotation) {
        if (codeNotation == null) {
            return codeNumber;
        }
        return codeNumber == null ? codeNotation : codeNumber + "/" + codeNotation;
    }

    public boolean secret() {
        return metadata.secret();
    }

    public boolean urgent() {
        return metadata.urgent();
    }

    /**
     * A file of the document: the main PDF or an attachment; {@code textNotExtracted} marks a main
     * PDF registered without its text (it decodes past the bounds), which search cannot find by it.
     */
    public record FileView(
            UUID id,
            String role,
            int position,
            String fileName,
            String contentType,
            long size,
            String sha256,
            @Nullable Integer pageCount,
            boolean textNotExtracted) {

        public FileView(
                UUID id,
                String role,
                int position,
                String fileName,
                String contentType,
                long size,
                String sha256,
                @Nullable Integer pageCount) {
            this(id, role, position, fileName, contentType, size, sha256, pageCount, false);
        }
    }

    /** A recipient of an outgoing document (nơi nhận). */
    public record RecipientView(
            int position, @Nullable UUID unitId, @Nullable String organId, String organName) {}
}
