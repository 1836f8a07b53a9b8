package vn.congvan.handling.work;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.handling.CaseState;

/**
 * One thing waiting for an official in "my work": what is asked of them ({@code task}) on which
 * document or draft (its page is {@code link}), how urgent, and how many working days are left before its deadline (negative: overdue).
 */
public record WorkItem(
        String task,
        String link,
        @Nullable UUID documentId,
        @Nullable UUID draftId,
        @Nullable String notation,
        String subject,
        String organName,
        @Nullable Integer arrivalNumber,
        @Nullable OffsetDateTime arrivalDate,
        @Nullable CaseState state,
        boolean urgent,
        @Nullable LocalDate deadline,
        @Nullable Integer workingDaysLeft) {

    @JsonProperty("overdue")
    public boolean overdue() {
        return workingDaysLeft != null && workingDaysLeft < 0;
    }

    public String taskKey() {
        return "handling.task." + task;
    }
}
