package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Priority and confidentiality keep the numbers edXML, the database and the API give them. */
class CodedScalesTests {

    @Test
    void eachPriorityKeepsItsEdxmlNumberFromNormalZeroToTimedFlashFour() {
        assertThat(Priority.NORMAL.code()).isZero();
        assertThat(Priority.URGENT.code()).isEqualTo(1);
        assertThat(Priority.FLASH_TIMED.code()).isEqualTo(4);
        for (Priority p : Priority.values()) {
            assertThat(Priority.ofCode(p.code())).isEqualTo(p);
        }
    }

    @Test
    void eachConfidentialityKeepsItsNumberFromNoneZeroToAbsoluteSecretThree() {
        assertThat(Confidentiality.NONE.code()).isZero();
        assertThat(Confidentiality.SECRET.code()).isEqualTo(1);
        assertThat(Confidentiality.ABSOLUTE_SECRET.code()).isEqualTo(3);
        for (Confidentiality c : Confidentiality.values()) {
            assertThat(Confidentiality.ofCode(c.code())).isEqualTo(c);
        }
    }

    @Test
    void aNumberOutsideTheScaleStandsForNoPriorityAndNoConfidentiality() {
        assertThatThrownBy(() -> Priority.ofCode(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Priority.ofCode(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Confidentiality.ofCode(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
