package vn.congvan.handling.calendar;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code congvan.handling.*} settings.
 *
 * @param holidays days off besides Saturdays and Sundays (Tết, national holidays, days swapped by
 *     decision), which deadlines skip
 * @param remindBefore how many working days before its deadline the handler is reminded
 */
@ConfigurationProperties("congvan.handling")
public record HandlingProperties(@Nullable List<LocalDate> holidays, int remindBefore) {

    public HandlingProperties {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        if (remindBefore < 0) {
            throw new IllegalArgumentException("congvan.handling.remind-before must not be negative");
        }
    }
}
