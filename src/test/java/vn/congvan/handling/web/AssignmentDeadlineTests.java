package vn.congvan.handling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvan.handling.calendar.HandlingProperties;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.shared.DomainException;

class AssignmentDeadlineTests {

    @Test
    void aDeadlineIsReadDayFirstWithOrWithoutLeadingZeroesAndAsTheIsoFormOfADateField() {
        assertThat(AssignmentDeadline.read("05/01/2027")).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(AssignmentDeadline.read(" 5/1/2027 ")).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(AssignmentDeadline.read("2027-01-05")).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(AssignmentDeadline.read("")).isNull();
        assertThat(AssignmentDeadline.read(null)).isNull();
        assertThat(AssignmentDeadline.shown(LocalDate.of(2027, 1, 5))).isEqualTo("05/01/2027");
    }

    @Test
    void aDayThatDoesNotExistOrWordsAreRefusedWithWhatWasWritten() {
        for (String written : new String[] {"31/02/2027", "12/31/2027", "ngày mai"}) {
            assertThatThrownBy(() -> AssignmentDeadline.read(written))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).code())
                    .isEqualTo("handling.deadline.unreadable");
        }
    }

    @Test
    void theSendersDueDateIsProposedOnTheLastWorkingDayNotAfterItAndNotOnceItHasPassed() {
        // Thursday 4 February 2027, the eve of a day off on Friday 5.
        WorkingCalendar calendar = new WorkingCalendar(
                new HandlingProperties(List.of(LocalDate.of(2027, 2, 5)), 1),
                Clock.fixed(LocalDate.of(2027, 2, 4).atTime(9, 0).toInstant(ZoneOffset.ofHours(7)), ZoneOffset.UTC));

        assertThat(AssignmentDeadline.proposed(LocalDate.of(2027, 2, 12), calendar))
                .isEqualTo("12/02/2027");
        assertThat(AssignmentDeadline.proposed(LocalDate.of(2027, 2, 14), calendar))
                .as("a Sunday: the Friday before")
                .isEqualTo("12/02/2027");
        assertThat(AssignmentDeadline.proposed(LocalDate.of(2027, 2, 7), calendar))
                .as("a Sunday after a Friday off: the Thursday")
                .isEqualTo("04/02/2027");
        assertThat(AssignmentDeadline.proposed(LocalDate.of(2027, 2, 4), calendar))
                .isEqualTo("04/02/2027");
        assertThat(AssignmentDeadline.proposed(LocalDate.of(2027, 2, 3), calendar))
                .isNull();
        assertThat(AssignmentDeadline.proposed(null, calendar)).isNull();
    }
}
