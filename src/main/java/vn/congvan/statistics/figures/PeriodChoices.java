package vn.congvan.statistics.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.congvan.shared.VietnamTime;

/**
 * The periods the statistics pages (the dashboard, a unit's figures, its officials' usage scores)
 * offer to pick from instead of a typed text: this month so far and the eleven before it, this
 * quarter and the three before, this year and the last; a period asked for by its address and not
 * among them (a custom range) is offered too, so the picker always shows what the page shows.
 */
public final class PeriodChoices {

    /** One period to pick: its value in the address, and its name (a message key and its arguments). */
    public record Choice(String value, String key, List<String> args) {}

    private PeriodChoices() {}

    public static List<Choice> around(LocalDate today, Period chosen) {
        List<Choice> choices = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        for (int i = 0; i < 12; i++) {
            choices.add(of(Period.month(month.minusMonths(i)), today));
        }
        int quarter = (today.getMonthValue() + 2) / 3;
        for (int i = 0; i < 4; i++) {
            int q = quarter - i;
            int year = today.getYear();
            if (q < 1) {
                q += 4;
                year--;
            }
            choices.add(of(Period.quarter(year, q), today));
        }
        choices.add(of(Period.year(today.getYear()), today));
        choices.add(of(Period.year(today.getYear() - 1), today));
        if (choices.stream().noneMatch(c -> c.value().equals(chosen.text()))) {
            choices.add(0, of(chosen, today));
        }
        return List.copyOf(choices);
    }

    /** The name of a period as the pages say it: "Tháng 12/2026 (đến hôm nay)", "Quý 4/2026", … */
    public static Choice of(Period period, LocalDate today) {
        LocalDate from = period.from();
        String year = Integer.toString(from.getYear());
        String key = "statistics.ui.period." + period.kind().name().toLowerCase(java.util.Locale.ROOT);
        List<String> args;
        if (period.kind() == PeriodKind.MONTH) {
            args = List.of(Integer.toString(from.getMonthValue()), year);
        } else if (period.kind() == PeriodKind.QUARTER) {
            args = List.of(Integer.toString((from.getMonthValue() + 2) / 3), year);
        } else if (period.kind() == PeriodKind.YEAR) {
            args = List.of(year);
        } else {
            args = List.of(VietnamTime.DAY.format(from), VietnamTime.DAY.format(period.to()));
        }
        if (period.kind() != PeriodKind.CUSTOM && period.contains(today)) {
            key = key + ".current";
        }
        return new Choice(period.text(), key, args);
    }
}
