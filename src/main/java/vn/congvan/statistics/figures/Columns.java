package vn.congvan.statistics.figures;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Each metric has a column of the same name in the fact, day and month tables. */
final class Columns {

    static final Metric[] METRICS = Metric.values();

    private Columns() {}

    static String of(Metric metric) {
        return metric.name().toLowerCase(Locale.ROOT);
    }

    /** {@code outgoing_issued, outgoing_electronic, …} prefixed by {@code prefix}. */
    static String list(String prefix) {
        return Arrays.stream(METRICS).map(m -> prefix + of(m)).collect(Collectors.joining(", "));
    }

    /** {@code sum(outgoing_issued) as outgoing_issued, …}. */
    static String sums() {
        return Arrays.stream(METRICS).map(m -> "sum(" + of(m) + ") as " + of(m)).collect(Collectors.joining(", "));
    }
}
