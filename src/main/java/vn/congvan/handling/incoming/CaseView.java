package vn.congvan.handling.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.handling.CaseState;

/** The handling of one incoming document as the API and the pages show it. */
public record CaseView(
        UUID documentId,
        UUID unitId,
        CaseState state,
        boolean urgent,
        @Nullable Person presentedTo,
        @Nullable Person assignedBy,
        @Nullable Person lead,
        @Nullable Person supervisor,
        List<Person> cooperating,
        List<Person> informed,
        @Nullable String direction,
        @Nullable LocalDate deadline,
        @Nullable Instant assignedAt,
        @Nullable String progressNote,
        @Nullable Instant progressAt,
        @Nullable String returnedReason,
        @Nullable String refusedReason,
        @Nullable UUID replyDocumentId,
        @Nullable Instant completedAt,
        @Nullable Boolean onTime) {

    /** An official named in the handling. */
    public record Person(UUID id, String fullName) {}
}
