package vn.congvan.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A registered document with the metadata of Decree 30 Appendix VI, named as in edXML. For an
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
        String typeName,
        @Nullable String codeNumber,
        @Nullable String codeNotation,
        LocalDate issuedDate,
        @Nullable String organId,
        String organName,
        String subject,
        String language,
        @Nullable Integer pageAmount,
        @Nullable String description,
        SignerAuthority signerAuthority,
        @Nullable String signerPosition,
        @Nullable String signerFullName,
        int priority,
        int confidentiality,
        @Nullable Integer issuedAmount,
        @Nullable LocalDate dueDate,
        @Nullable String toPlaces,
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
        return notationOf(codeNumber, codeNotation);
    }

    /** Joins a number and a notation as written after "Số:", either of which may be missing. */
    public static @Nullable String notationOf(@Nullable String codeNumber, @Nullable String codeNotation) {
        if (codeNotation == null) {
            return codeNumber;
        }
        return codeNumber == null ? codeNotation : codeNumber + "/" + codeNotation;
    }

    public boolean secret() {
        return confidentiality > 0;
    }

    public boolean urgent() {
        return priority > 0;
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
