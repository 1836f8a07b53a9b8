package vn.congvan.platform;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One of the first things waiting for the official, shown on the home page so that it opens in one
 * click: what is asked ({@code task}, its words under {@code taskKey}) on which document ({@code
 * link}), from whom, and how many working days are left before its deadline (negative: overdue).
 */
public record NextTask(
        String task,
        String taskKey,
        String link,
        @Nullable String notation,
        String subject,
        String from,
        boolean urgent,
        @Nullable LocalDate deadline,
        @Nullable Integer workingDaysLeft) {

    public boolean overdue() {
        return workingDaysLeft != null && workingDaysLeft < 0;
    }
}
