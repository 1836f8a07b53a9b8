package vn.congvan.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a clerk records of an arriving document, with the field lengths of Decree 30 Appendix VI.
 * {@code documentId} is the edXML DocumentId and {@code issuedAmount} the sender's number of copies
 * (PromulgationAmount) when the document came electronically.
 */
public record IncomingMetadata(
        @NotNull(message = "validation.required") UUID unitId,

        @NotBlank(message = "validation.required") @Size(max = 100, message = "validation.too-long")
        String typeName,

        @Size(max = 11, message = "validation.too-long") @Nullable
        String codeNumber,

        @Size(max = 30, message = "validation.too-long") @Nullable
        String codeNotation,

        @NotNull(message = "validation.required") LocalDate issuedDate,

        @Size(max = 35, message = "validation.too-long") @Nullable
        String organId,

        @NotBlank(message = "validation.required") @Size(max = 200, message = "validation.too-long")
        String organName,

        @NotBlank(message = "validation.required") @Size(max = 500, message = "validation.too-long")
        String subject,

        @Nullable SignerAuthority signerAuthority,

        @Size(max = 100, message = "validation.too-long") @Nullable
        String signerPosition,

        @Size(max = 50, message = "validation.too-long") @Nullable
        String signerFullName,

        @Min(value = 0, message = "validation.range") @Max(value = 4, message = "validation.range") @Nullable
        Integer priority,

        @Min(value = 0, message = "validation.range") @Max(value = 3, message = "validation.range") @Nullable
        Integer confidentiality,

        @Nullable LocalDate dueDate,

        @Size(max = 1000, message = "validation.too-long") @Nullable
        String toPlaces,

        @Size(max = 500, message = "validation.too-long") @Nullable
        String description,

        @Size(max = 30, message = "validation.too-long") @Nullable
        String language,

        @Min(value = 1, message = "validation.range") @Max(value = 999, message = "validation.range") @Nullable
        Integer pageAmount,

        @Nullable OffsetDateTime arrivalDate,

        @Size(max = 200, message = "validation.too-long") @Nullable
        String documentId,

        @Nullable Boolean paper,
        @Nullable Boolean confirmDuplicate,

        @Size(max = 100, message = "validation.too-long") @Nullable
        String submissionKey,

        @Min(value = 1, message = "validation.range") @Max(value = 99999, message = "validation.range") @Nullable
        Integer issuedAmount) {

    /** What a clerk records without the sender's number of copies (số lượng bản), which only edXML carries. */
    public IncomingMetadata(
            UUID unitId,
            String typeName,
            @Nullable String codeNumber,
            @Nullable String codeNotation,
            LocalDate issuedDate,
            @Nullable String organId,
            String organName,
            String subject,
            @Nullable SignerAuthority signerAuthority,
            @Nullable String signerPosition,
            @Nullable String signerFullName,
            @Nullable Integer priority,
            @Nullable Integer confidentiality,
            @Nullable LocalDate dueDate,
            @Nullable String toPlaces,
            @Nullable String description,
            @Nullable String language,
            @Nullable Integer pageAmount,
            @Nullable OffsetDateTime arrivalDate,
            @Nullable String documentId,
            @Nullable Boolean paper,
            @Nullable Boolean confirmDuplicate,
            @Nullable String submissionKey) {
        this(
                unitId,
                typeName,
                codeNumber,
                codeNotation,
                issuedDate,
                organId,
                organName,
                subject,
                signerAuthority,
                signerPosition,
                signerFullName,
                priority,
                confidentiality,
                dueDate,
                toPlaces,
                description,
                language,
                pageAmount,
                arrivalDate,
                documentId,
                paper,
                confirmDuplicate,
                submissionKey,
                null);
    }
}
