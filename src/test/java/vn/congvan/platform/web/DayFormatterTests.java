package vn.congvan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.format.support.FormattingConversionService;

class DayFormatterTests {

    private final DayFormatter days = new DayFormatter();

    @Test
    void aDayIsReadAndShownDayFirstInEitherLanguage() throws ParseException {
        for (Locale language : new Locale[] {LocaleConfiguration.VIETNAMESE, Locale.ENGLISH, Locale.US}) {
            assertThat(days.parse("05/01/2027", language)).isEqualTo(LocalDate.of(2027, 1, 5));
            assertThat(days.parse("5/1/2027", language)).isEqualTo(LocalDate.of(2027, 1, 5));
            assertThat(days.print(LocalDate.of(2027, 1, 5), language)).isEqualTo("05/01/2027");
        }
    }

    @Test
    void aDayOfALinkOrAnApiClientIsReadInItsIsoForm() throws ParseException {
        assertThat(days.parse("2026-12-01", Locale.ENGLISH)).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aDayThatDoesNotExistIsRefusedWithWhatWasTyped() {
        assertThatThrownBy(() -> days.parse("31/02/2027", Locale.ENGLISH))
                .isInstanceOf(ParseException.class)
                .hasMessage("31/02/2027");
        assertThatThrownBy(() -> days.parse("12/31/2026", Locale.US)).isInstanceOf(ParseException.class);
    }

    @Test
    void registeredForTheWebItReplacesSpringsOwnReadingThatFollowsTheLanguage() {
        FormattingConversionService conversions = new DefaultFormattingConversionService();
        new LocaleConfiguration().addFormatters(conversions);

        LocaleContextHolder.setLocale(Locale.US);
        try {
            assertThat(conversions.convert("05/01/2027", LocalDate.class)).isEqualTo(LocalDate.of(2027, 1, 5));
            assertThat(conversions.convert(LocalDate.of(2027, 1, 5), String.class))
                    .isEqualTo("05/01/2027");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
