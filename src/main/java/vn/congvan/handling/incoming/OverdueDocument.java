package vn.congvan.handling.incoming;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An incoming document past its deadline, with who handles it and by how many working days it is late. */
public record OverdueDocument(
        UUID documentId,
        UUID unitId,
        @Nullable String notation,
        String subject,
        @Nullable UUID leadId,
        @Nullable String leadName,
        LocalDate deadline,
        int workingDaysLate) {}
