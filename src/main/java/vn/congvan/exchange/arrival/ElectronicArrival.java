package vn.congvan.exchange.arrival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A document package received for a unit (văn bản điện tử đến): who sent it, what it is, the
 * verdict on its PDF signatures ({@code ALL_VALID}, {@code SOME_INVALID}, {@code INDETERMINATE},
 * {@code UNSIGNED}) and where it stands in the unit's tray.
 */
public record ElectronicArrival(
        UUID id,
        UUID unitId,
        String documentId,
        String fromOrganId,
        String fromOrganName,
        @Nullable String codeNumber,
        @Nullable String codeNotation,
        @Nullable LocalDate promulgationDate,
        @Nullable String typeName,
        String subject,
        boolean urgent,
        String state,
        String signatureVerdict,
        @Nullable String signatureDetail,
        @Nullable UUID incomingDocumentId,
        @Nullable String reason,
        @Nullable String revokeReason,
        Instant arrivedAt,
        Instant changedAt,
        List<Warning> warnings) {

    /** What the clerk is warned of before deciding, by message key and its argument. */
    public record Warning(String code, String argument) {

        public static final String NO_SIGNED_PDF = "exchange.arrival.warning.no-signed-pdf";
        public static final String MISSING_ATTACHMENT = "exchange.arrival.warning.missing-attachment";
        public static final String OTHER_ORGAN = "exchange.arrival.warning.other-organ";
    }

    public ElectronicArrival {
        warnings = List.copyOf(warnings);
    }

    /** True unless every signature of the PDF is valid and nothing else is wrong: the clerk is warned and may refuse it. */
    @com.fasterxml.jackson.annotation.JsonProperty("flagged")
    public boolean flagged() {
        return !signatureVerdict.equals("ALL_VALID") || !warnings.isEmpty();
    }

    /**
     * The package holds no PDF: nothing to read here; the clerk registers it as such (its files kept
     * as they came, the document marked as having no signed PDF) or refuses it (02).
     */
    public boolean withoutPdf() {
        return warnings.stream().anyMatch(w -> w.code().equals(Warning.NO_SIGNED_PDF));
    }

    public String notation() {
        return codeNumber == null ? "" : codeNumber + (codeNotation == null ? "" : "/" + codeNotation);
    }
}
