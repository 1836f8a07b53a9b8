package vn.congvan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class VietnamTimeTests {

    @Test
    void aDayIsReadDayFirstWithOrWithoutLeadingZeroes() {
        assertThat(VietnamTime.readDay("05/01/2027")).contains(LocalDate.of(2027, 1, 5));
        assertThat(VietnamTime.readDay("5/1/2027")).contains(LocalDate.of(2027, 1, 5));
        assertThat(VietnamTime.readDay(" 31/12/2026 ")).contains(LocalDate.of(2026, 12, 31));
    }

    @Test
    void theIsoFormOfLinksAndApiClientsIsReadToo() {
        assertThat(VietnamTime.readDay("2026-12-01")).contains(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aDayThatDoesNotExistIsNoDay() {
        assertThat(VietnamTime.readDay("31/02/2027")).isEmpty();
        assertThat(VietnamTime.readDay("29/02/2027")).isEmpty();
        assertThat(VietnamTime.readDay("29/02/2028")).contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void theMonthWrittenFirstAsInEnglishIsNotTakenForAnotherDay() {
        assertThat(VietnamTime.readDay("12/31/2026")).isEmpty();
    }

    @Test
    void wordsPartsOfADayAndTwoDigitYearsAreNoDay() {
        for (String written :
                new String[] {"", "ngày mai", "05/01", "05/01/27", "05.01.2027", "2027-1-5", "05/01/2027 08:30"}) {
            assertThat(VietnamTime.readDay(written)).as(written).isEmpty();
        }
    }

    @Test
    void aDayIsShownDayFirstWithLeadingZeroes() {
        assertThat(VietnamTime.DAY.format(LocalDate.of(2027, 1, 5))).isEqualTo("05/01/2027");
    }

    @Test
    void aMomentIsReadDayFirstWithItsHourAndMinute() {
        LocalDateTime morning = LocalDateTime.of(2027, 1, 5, 8, 30);
        assertThat(VietnamTime.readMoment("05/01/2027 08:30")).contains(morning);
        assertThat(VietnamTime.readMoment("5/1/2027 8:30")).contains(morning);
        assertThat(VietnamTime.readMoment(" 05/01/2027   08:30 ")).contains(morning);
        assertThat(VietnamTime.readMoment("2027-01-05T08:30")).contains(morning);
        assertThat(VietnamTime.MOMENT.format(morning)).isEqualTo("05/01/2027 08:30");
    }

    @Test
    void aMomentWithoutItsTimeOrWithAnHourThatDoesNotExistIsNoMoment() {
        for (String written :
                new String[] {"05/01/2027", "05/01/2027 24:00", "05/01/2027 08:60", "31/02/2027 08:30", "8:30"}) {
            assertThat(VietnamTime.readMoment(written)).as(written).isEmpty();
        }
    }
}
