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
 * (PromulgationAmount) when the document came electronically. {@code presentTo}, when given, names the
 * leader (or deputy leader) of the unit the document is presented to as it is registered.
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
        Integer issuedAmount,

        @Nullable UUID presentTo) {

    /**
     * An arrival whose description is known already (an electronic package, a document of the
     * installation, the demo): what the clerk would record, with the arrival's own facts.
     */
    public static IncomingMetadata of(
            UUID unitId,
            DocumentMetadata described,
            @Nullable OffsetDateTime arrivalDate,
            @Nullable String documentId,
            boolean paper,
            boolean confirmDuplicate,
            @Nullable String submissionKey) {
        return new IncomingMetadata(
                unitId,
                described.typeName(),
                described.codeNumber(),
                described.codeNotation(),
                described.issuedDate(),
                described.organId(),
                described.organName(),
                described.subject(),
                described.signer().authority(),
                described.signer().position(),
                described.signer().fullName(),
                described.priority().code(),
                described.confidentiality().code(),
                described.dueDate(),
                described.toPlaces(),
                described.description(),
                described.language(),
                described.pageAmount(),
                arrivalDate,
                documentId,
                paper,
                confirmDuplicate,
                submissionKey,
                described.issuedAmount(),
                null);
    }

    /**
     * The document as the clerk described it, once validated: text trimmed, the type named as the
     * register knows it, and what was left empty given its default (Vietnamese, a signer without
     * authority, normal priority, not secret, the pages of the main file).
     */
    public DocumentMetadata described(String registeredTypeName, @Nullable Integer mainFilePages) {
        return new DocumentMetadata(
                registeredTypeName,
                DocumentMetadata.trimmed(codeNumber),
                DocumentMetadata.trimmed(codeNotation),
                issuedDate,
                DocumentMetadata.trimmed(organId),
                organName.strip(),
                subject.strip(),
                DocumentMetadata.languageOr(language),
                pageAmount != null ? pageAmount : mainFilePages,
                DocumentMetadata.trimmed(description),
                DocumentMetadata.Signer.of(signerAuthority, signerPosition, signerFullName),
                Priority.ofCode(priority != null ? priority : 0),
                Confidentiality.ofCode(confidentiality != null ? confidentiality : 0),
                issuedAmount,
                dueDate,
                DocumentMetadata.trimmed(toPlaces));
    }
}
