package vn.congvan.statistics.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.congvan.shared.DomainException;

/** The usage formula: what it reads, how it scores, and the formulas it refuses with their reason. */
class UsageFormulaTests {

    private static final Map<UsageVariable, Long> CLERK = counts(4, 0, 0, 0, 1, 0);
    private static final Map<UsageVariable, Long> HANDLER = counts(0, 0, 2, 1, 0, 3);

    @Test
    void theDefaultFormulaWeighsRegistrationsOnTimeHandlingAndSignatures() {
        UsageFormula formula = UsageFormula.parse(UsageSettings.DEFAULT_FORMULA);

        assertThat(formula.score(CLERK)).isEqualByComparingTo("10");
        assertThat(formula.score(HANDLER)).isEqualByComparingTo("4");
    }

    @Test
    void multiplicationGoesBeforeAdditionUnlessParenthesesSayOtherwise() {
        assertThat(UsageFormula.parse("1 + 2 * 3").score(CLERK)).isEqualByComparingTo("7");
        assertThat(UsageFormula.parse("(1 + 2) * 3").score(CLERK)).isEqualByComparingTo("9");
        assertThat(UsageFormula.parse("10 - 4 - 3").score(CLERK)).isEqualByComparingTo("3");
        assertThat(UsageFormula.parse("-(onTime - returns) * 1.5").score(HANDLER))
                .isEqualByComparingTo("1.5");
        assertThat(UsageFormula.parse("2*-returns").score(HANDLER)).isEqualByComparingTo("-6");
    }

    @Test
    void aShareIsRoundedToTwoDecimalsAndADivisionByZeroCountsAsZero() {
        assertThat(UsageFormula.parse("onTime / returns").score(HANDLER)).isEqualTo(new BigDecimal("0.67"));
        assertThat(UsageFormula.parse("registered / assigned + 1").score(CLERK)).isEqualByComparingTo("1");
    }

    @Test
    void aFormulaThatDoesNotParseIsRefusedWithWhereAndWhy() {
        assertRefused(
                "2*registerd + drafts",
                "statistics.usage.formula.unknown-name",
                "Formula \"2*registerd + drafts\": there is no figure called \"registerd\" (position 3); only these"
                        + " can be used: registered, assigned, onTime, drafts, signatures, returns.");
        assertRefused(
                "2 * (drafts + 1",
                "statistics.usage.formula.unclosed",
                "Formula \"2 * (drafts + 1\": the parenthesis opened at position 5 is never closed.");
        assertRefused(
                "drafts +",
                "statistics.usage.formula.incomplete",
                "The formula \"drafts +\" ends where a term is still missing.");
        assertRefused(
                "drafts ^ 2",
                "statistics.usage.formula.unexpected",
                "Formula \"drafts ^ 2\": the character \"^\" at position 8 is not allowed; use numbers, figure names,"
                        + " + - * / and parentheses only.");
        assertRefused("Math.exit(1)", "statistics.usage.formula.unknown-name", "there is no figure called \"Math\"");
        assertRefused("1.2.3 * drafts", "statistics.usage.formula.number", "\"1.2.3\" at position 1 is not a number");
        assertRefused("drafts 2", "statistics.usage.formula.unexpected", "the character \"2\" at position 8");
        assertRefused("   ", "statistics.usage.formula.empty", "The score formula is empty.");
        assertRefused("1+".repeat(300) + "1", "statistics.usage.formula.too-long", "longer than 500 characters");
    }

    @Test
    void aConfiguredFormulaThatDoesNotParseStopsTheStartWithTheReasonInVietnamese() {
        assertThatThrownBy(() -> new UsageConfiguration()
                        .configuredUsageFormula(new UsageSettings("2*registered + ký"), messages()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("congvan.statistics.usage-formula")
                .hasMessageContaining("không có đại lượng \"ký\" (vị trí 16)");
        assertThat(new UsageConfiguration()
                        .configuredUsageFormula(new UsageSettings(null), messages())
                        .text())
                .isEqualTo(UsageSettings.DEFAULT_FORMULA);
    }

    private static void assertRefused(String formula, String code, String english) {
        assertThatThrownBy(() -> UsageFormula.parse(formula)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(messages().getMessage(e.code(), e.args(), Locale.ENGLISH))
                    .contains(english);
        });
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/statistics/reports");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Map<UsageVariable, Long> counts(
            long registered, long assigned, long onTime, long drafts, long signatures, long returns) {
        Map<UsageVariable, Long> counts = new EnumMap<>(UsageVariable.class);
        counts.put(UsageVariable.REGISTERED, registered);
        counts.put(UsageVariable.ASSIGNED, assigned);
        counts.put(UsageVariable.ON_TIME, onTime);
        counts.put(UsageVariable.DRAFTS, drafts);
        counts.put(UsageVariable.SIGNATURES, signatures);
        counts.put(UsageVariable.RETURNS, returns);
        return counts;
    }
}
