package vn.congvan.handling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
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
}
