package vn.congvan.statistics.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A share: {@code count} out of {@code base}; compared exactly, shown as a percentage. */
public record Rate(long count, long base) implements Comparable<Rate> {

    public Rate {
        if (count < 0 || base < 0 || count > base) {
            throw new IllegalArgumentException("a rate is a part of its base: " + count + "/" + base);
        }
    }

    /** Whether there is anything to share: no document, no rate. */
    public boolean defined() {
        return base > 0;
    }

    /** The percentage with one decimal, rounded half up; zero when undefined. */
    public BigDecimal percent() {
        if (base == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(base), 1, RoundingMode.HALF_UP);
    }

    /** Whether the share reaches {@code percent} exactly or more. */
    public boolean reaches(int percent) {
        return base > 0 && count * 100L >= (long) percent * base;
    }

    /** Undefined rates come last; otherwise the larger share is greater. */
    @Override
    public int compareTo(Rate other) {
        if (defined() != other.defined()) {
            return defined() ? 1 : -1;
        }
        if (!defined()) {
            return 0;
        }
        return Long.compare(count * other.base, other.count * base);
    }
}
