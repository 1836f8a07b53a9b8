package vn.congvan.registry.search;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentType;

/** What a user looks for: words (without diacritics if they like) and filters. */
public record SearchQuery(
        @Nullable String q,
        @Nullable UUID unitId,
        @Nullable Direction direction,
        @Nullable DocumentType type,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable DocumentStatus status,
        int page,
        int size) {

    public static final int MAX_SIZE = 100;

    public SearchQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }
}
