package vn.congvan.handling.incoming;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A leader's assignment (phân công): the lead, cooperating and informed officials, a direction, a deadline. */
public record Assignment(
        UUID leadId,
        @Nullable List<UUID> cooperatingIds,
        @Nullable List<UUID> informedIds,
        @Nullable String direction,
        @Nullable LocalDate deadline) {

    public Assignment {
        cooperatingIds = cooperatingIds == null ? List.of() : List.copyOf(cooperatingIds);
        informedIds = informedIds == null ? List.of() : List.copyOf(informedIds);
    }
}
