package vn.congvan.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;
import vn.congvan.statistics.figures.Coverage;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.Period;
import vn.congvan.statistics.figures.UnitGroup;

/** Reads the parameters the API and the pages share, refusing unknown values with the module's keys. */
@Component
class Requests {

    private final Clock clock;

    Requests(Clock clock) {
        this.clock = clock;
    }

    /** The period asked for, or the last whole month: the one the monthly ranking reports. */
    Period period(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Period.month(YearMonth.from(today()).minusMonths(1));
        }
        return Period.parse(text);
    }

    /** The period a page shows: the one asked for, or else this month so far. */
    Period pagePeriod(@Nullable String text) {
        return text == null || text.isBlank() ? Period.month(thisMonth()) : Period.parse(text);
    }

    YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    Metric metric(@Nullable String text, Metric fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Metric.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("statistics.metric.unknown", text);
        }
    }

    UnitGroup group(@Nullable String text, UnitGroup fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return UnitGroup.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("statistics.group.unknown", text);
        }
    }

    Coverage coverage(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Coverage.UNIT;
        }
        try {
            return Coverage.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("statistics.coverage.unknown", text);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }
}
