package vn.congvan.platform.web;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.Formatter;
import vn.congvan.shared.VietnamTime;

/**
 * Every day a page binds or shows is written dd/MM/yyyy, whatever the browser's language: a form's
 * field, a query (ISO from links and API clients is read too), and {@code th:field} or
 * {@code ${{day}}} in a template. Unreadable, binding says {@code typeMismatch} and a request
 * parameter is refused as {@code validation.day} with what was typed.
 */
final class DayFormatter implements Formatter<LocalDate> {

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        return VietnamTime.readDay(text).orElseThrow(() -> new ParseException(text, 0));
    }

    @Override
    public String print(LocalDate day, Locale locale) {
        return VietnamTime.DAY.format(day);
    }
}
