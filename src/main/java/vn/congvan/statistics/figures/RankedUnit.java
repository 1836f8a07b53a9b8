package vn.congvan.statistics.figures;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A unit's place in a ranking: its rank (equal rates share a rank), its figures, and how its rate
 * and rank moved since the previous period ({@code null} when it had no rate then).
 */
public record RankedUnit(
        int rank,
        UnitFigures figures,
        Rate rate,
        RateColour colour,
        @Nullable Integer previousRank,
        @Nullable BigDecimal change) {

    /** Places gained since the previous period (negative when lost), or null. */
    public @Nullable Integer rankChange() {
        return previousRank == null ? null : previousRank - rank;
    }
}
