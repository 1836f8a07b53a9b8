package vn.congvan.registry.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.congvan.registry.DocumentType;

class NotationTests {

    @Test
    void aDecisionOfTheCommitteeIsWrittenTypeFirst() {
        assertThat(Notation.of(15, DocumentType.QUYET_DINH, "UBND", null).full())
                .isEqualTo("15/QĐ-UBND");
    }

    @Test
    void aCongVanIsWrittenIssuerFirstThenTheDraftingDivision() {
        assertThat(Notation.of(5, DocumentType.CONG_VAN, "UBND", "VX").full()).isEqualTo("05/UBND-VX");
    }

    @Test
    void aCongVanWithoutDivisionCarriesTheIssuerOnly() {
        assertThat(Notation.of(120, DocumentType.CONG_VAN, "SXD", null).full()).isEqualTo("120/SXD");
    }

    @Test
    void numbersBelowTenTakeALeadingZeroAndOthersDoNot() {
        assertThat(Notation.of(1, DocumentType.THONG_BAO, "SNV", null).codeNumber())
                .isEqualTo("01");
        assertThat(Notation.of(9, DocumentType.THONG_BAO, "SNV", null).codeNumber())
                .isEqualTo("09");
        assertThat(Notation.of(10, DocumentType.THONG_BAO, "SNV", null).codeNumber())
                .isEqualTo("10");
        assertThat(Notation.of(1234, DocumentType.THONG_BAO, "SNV", null).codeNumber())
                .isEqualTo("1234");
    }

    @Test
    void aRuleKeepsItsLowerCaseY() {
        assertThat(Notation.of(3, DocumentType.QUY_DINH, "UBND", null).codeNotation())
                .isEqualTo("QyĐ-UBND");
    }

    @Test
    void notationsHaveNoSpaces() {
        assertThat(Notation.of(7, DocumentType.KE_HOACH, "UBND TP", "TC KH").full())
                .isEqualTo("07/KH-UBNDTP");
        assertThat(Notation.of(7, DocumentType.CONG_VAN, "UBND", "TC KH").full())
                .isEqualTo("07/UBND-TCKH");
    }

    @Test
    void thereIsNoNumberZero() {
        assertThatThrownBy(() -> Notation.of(0, DocumentType.QUYET_DINH, "UBND", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
