package vn.congvan.statistics.figures;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Units of one group ranked by one rate over a period, the best first; {@code withinUnitId} is the
 * district whose communes alone were ranked, when the ranking was so limited.
 */
public record Ranking(
        UnitGroup group,
        @Nullable UUID withinUnitId,
        Metric metric,
        Period period,
        Period previousPeriod,
        List<RankedUnit> units) {

    public Ranking {
        units = List.copyOf(units);
    }
}
