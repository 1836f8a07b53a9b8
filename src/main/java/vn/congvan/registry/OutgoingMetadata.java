package vn.congvan.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a clerk records to number and issue a document of the unit: the number, notation and date
 * are given by the register, never typed.
 */
public record OutgoingMetadata(
        @NotNull(message = "validation.required") UUID unitId,

        @NotBlank(message = "validation.required") @Size(max = 100, message = "validation.too-long")
        String typeName,

        @Nullable UUID draftingDivisionId,

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

        @Min(value = 1, message = "validation.range") @Max(value = 99999, message = "validation.range") @Nullable
        Integer issuedAmount,

        @Size(max = 200, message = "validation.too-many") @Nullable
        List<@Valid Recipient> recipients,

        @Nullable Boolean paper,

        @Size(max = 100, message = "validation.too-long") @Nullable
        String submissionKey) {

    /**
     * The document as the clerk described it, once validated, issued on {@code issuedDate} by the
     * organ of the unit: not yet numbered, text trimmed and what was left empty given its default
     * (Vietnamese, a signer without authority, normal priority, not secret, the pages of the main file).
     */
    public DocumentMetadata described(
            DocumentType type,
            LocalDate issuedDate,
            String organId,
            String organName,
            @Nullable Integer mainFilePages) {
        return new DocumentMetadata(
                type.vietnameseName(),
                null,
                null,
                issuedDate,
                organId,
                organName,
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

    /** A recipient: a unit of the installation, or any body by its code and name. */
    public record Recipient(
            @Nullable UUID unitId,

            @Size(max = 35, message = "validation.too-long") @Nullable
            String organId,

            @Size(max = 200, message = "validation.too-long") @Nullable
            String organName) {}
}
