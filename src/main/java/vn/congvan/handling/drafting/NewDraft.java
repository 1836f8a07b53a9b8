package vn.congvan.handling.drafting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a specialist records when starting a draft of an outgoing document; the PDF comes beside it. */
public record NewDraft(
        UUID unitId,
        String typeName,
        String subject,
        @Nullable UUID divisionId,
        @Nullable Integer priority,
        @Nullable LocalDate dueDate,
        @Nullable List<Recipient> recipients,
        @Nullable String submissionKey,
        @Nullable UUID replacesDocumentId,
        @Nullable UUID dossierId) {

    /**
     * A recipient: a unit of the installation by its id, or a body outside it by its name and, when
     * it is reached through the exchange axis, its organ code.
     */
    public record Recipient(
            @Nullable UUID unitId,
            @Nullable String organId,
            @Nullable String organName) {}
}
