package vn.congvan.statistics.figures;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import vn.congvan.directory.UnitKind;
import vn.congvan.directory.UnitLevel;

/** The counts of one unit for one period, with the targets its rates are held against. */
public record UnitFigures(
        UUID unitId,
        String unitName,
        UnitKind kind,
        Period period,
        Coverage coverage,
        Map<Metric, Long> counts,
        Targets targets) {

    public UnitFigures {
        EnumMap<Metric, Long> all = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            all.put(metric, counts.getOrDefault(metric, 0L));
        }
        counts = Map.copyOf(all);
    }

    public UnitLevel level() {
        return kind.level();
    }

    public long count(Metric metric) {
        return Objects.requireNonNull(counts.get(metric), "every metric is counted");
    }

    /** The metric's share of its base; {@code IllegalArgumentException} for a plain count. */
    public Rate rate(Metric metric) {
        Metric base = metric.base();
        if (base == null) {
            throw new IllegalArgumentException(metric + " is a count, not a rate");
        }
        return new Rate(count(metric), count(base));
    }

    public OptionalInt target(Metric metric) {
        return targets.percentFor(metric);
    }

    public RateColour colour(Metric metric) {
        return targets.colour(metric, rate(metric));
    }

    /** Whether the metric has a target and a rate, and the rate falls short of it. */
    public boolean belowTarget(Metric metric) {
        OptionalInt target = target(metric);
        Rate rate = rate(metric);
        return target.isPresent() && rate.defined() && !rate.reaches(target.getAsInt());
    }
}
