package vn.congvan.statistics.figures;

import java.util.OptionalInt;

/**
 * The targets a unit's rates are held against: its level's (90% province, 80% district, 60%
 * commune by default), the signatures' (100%), and the margin below a target that is still amber.
 */
public record Targets(int level, int signature, int amberMargin) {

    public Targets {
        for (int percent : new int[] {level, signature, amberMargin}) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("a target is a percentage from 0 to 100: " + percent);
            }
        }
    }

    /** The target for the metric's rate, if it has one. */
    public OptionalInt percentFor(Metric metric) {
        return switch (metric.target()) {
            case NONE -> OptionalInt.empty();
            case LEVEL -> OptionalInt.of(level);
            case SIGNATURE -> OptionalInt.of(signature);
        };
    }

    public RateColour colour(Metric metric, Rate rate) {
        OptionalInt target = percentFor(metric);
        if (target.isEmpty() || !rate.defined()) {
            return RateColour.GREY;
        }
        if (rate.reaches(target.getAsInt())) {
            return RateColour.GREEN;
        }
        return rate.reaches(Math.max(0, target.getAsInt() - amberMargin)) ? RateColour.AMBER : RateColour.RED;
    }
}
