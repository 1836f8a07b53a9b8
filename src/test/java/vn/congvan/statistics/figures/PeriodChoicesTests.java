package vn.congvan.statistics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodChoicesTests {

    static final LocalDate TODAY = LocalDate.of(2027, 2, 10);

    @Test
    void thePickerOffersTwelveMonthsFourQuartersAndTwoYearsThisMonthSoFarFirst() {
        List<PeriodChoices.Choice> choices = PeriodChoices.around(TODAY, Period.month(YearMonth.of(2027, 2)));

        assertThat(choices).hasSize(18);
        assertThat(choices.get(0))
                .isEqualTo(new PeriodChoices.Choice(
                        "2027-02", "statistics.ui.period.month.current", List.of("2", "2027")));
        assertThat(choices.get(11).value()).isEqualTo("2026-03");
        assertThat(choices.subList(12, 16))
                .extracting(PeriodChoices.Choice::value)
                .containsExactly("2027-Q1", "2026-Q4", "2026-Q3", "2026-Q2");
        assertThat(choices.get(12).key()).isEqualTo("statistics.ui.period.quarter.current");
        assertThat(choices.get(13).args()).containsExactly("4", "2026");
        assertThat(choices.subList(16, 18))
                .extracting(PeriodChoices.Choice::value)
                .containsExactly("2027", "2026");
    }

    @Test
    void aPeriodAskedForByItsAddressAndNotAmongThemIsOfferedFirst() {
        Period custom = Period.parse("2026-01-05..2026-02-10");

        List<PeriodChoices.Choice> choices = PeriodChoices.around(TODAY, custom);

        assertThat(choices).hasSize(19);
        assertThat(choices.get(0))
                .isEqualTo(new PeriodChoices.Choice(
                        "2026-01-05..2026-02-10", "statistics.ui.period.custom", List.of("05/01/2026", "10/02/2026")));
        assertThat(PeriodChoices.around(TODAY, Period.year(2020)).get(0).key()).isEqualTo("statistics.ui.period.year");
    }
}
