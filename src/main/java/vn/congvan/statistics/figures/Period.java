package vn.congvan.statistics.figures;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.congvan.shared.DomainException;

/**
 * The days a figure counts, both ends included, in Vietnam's calendar. A period longer than
 * {@link #MAX_DAYS} days or ending before it starts is refused ({@code statistics.period.too-long},
 * {@code statistics.period.reversed}); {@link #requireStartedBy} refuses one that has not begun.
 */
public record Period(PeriodKind kind, LocalDate from, LocalDate to) {

    /** Five years: longer asks for more than any report compares. */
    public static final int MAX_DAYS = 5 * 366;

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern CUSTOM = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public Period {
        if (to.isBefore(from)) {
            throw DomainException.invalid("statistics.period.reversed", from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw DomainException.invalid("statistics.period.too-long", from, to, MAX_DAYS);
        }
    }

    public static Period month(YearMonth month) {
        return new Period(PeriodKind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw DomainException.invalid("statistics.period.unreadable", year + "-Q" + quarter);
        }
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        return new Period(
                PeriodKind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    public static Period year(int year) {
        return new Period(PeriodKind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period custom(LocalDate from, LocalDate to) {
        return new Period(PeriodKind.CUSTOM, from, to);
    }

    /**
     * Reads {@code 2026-03} (a month), {@code 2026-Q1}, {@code 2026} or {@code 2026-01-05..2026-02-10};
     * anything else is {@code statistics.period.unreadable}.
     */
    public static Period parse(String text) {
        String trimmed = text.trim();
        try {
            Matcher m;
            if ((m = MONTH.matcher(trimmed)).matches()) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = QUARTER.matcher(trimmed)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(trimmed)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = CUSTOM.matcher(trimmed)).matches()) {
                return custom(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw DomainException.invalid("statistics.period.unreadable", trimmed);
        }
        throw DomainException.invalid("statistics.period.unreadable", trimmed);
    }

    /** The period of the same kind and length just before this one: the month, quarter or year before. */
    public Period previous() {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(from).minusMonths(1));
            case QUARTER -> new Period(PeriodKind.QUARTER, from.minusMonths(3), from.minusDays(1));
            case YEAR -> year(from.getYear() - 1);
            case CUSTOM -> custom(from.minusDays(days()), from.minusDays(1));
        };
    }

    /** Refuses a period that starts after {@code today} ({@code statistics.period.future}). */
    public Period requireStartedBy(LocalDate today) {
        if (from.isAfter(today)) {
            throw DomainException.invalid("statistics.period.future", from, today);
        }
        return this;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The form {@link #parse} reads back. */
    public String text() {
        return switch (kind) {
            case MONTH -> YearMonth.from(from).toString();
            case QUARTER -> from.getYear() + "-Q" + ((from.getMonthValue() + 2) / 3);
            case YEAR -> Integer.toString(from.getYear());
            case CUSTOM -> from + ".." + to;
        };
    }
}
