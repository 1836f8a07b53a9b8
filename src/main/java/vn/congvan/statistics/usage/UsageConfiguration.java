package vn.congvan.statistics.usage;

import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.congvan.shared.DomainException;

/** Reads the configured usage formula once: one that does not parse stops the start with the reason. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageSettings.class)
class UsageConfiguration {

    @Bean
    UsageFormula configuredUsageFormula(UsageSettings settings, MessageSource messages) {
        try {
            return UsageFormula.parse(
                    Objects.requireNonNull(settings.usageFormula(), "the default stands in for none"));
        } catch (DomainException e) {
            // Operators read the log in Vietnamese; the key names the message for anyone searching.
            String reason = messages.getMessage(e.code(), e.args(), e.code(), Locale.forLanguageTag("vi"));
            throw new IllegalStateException(
                    "congvan.statistics.usage-formula (CONGVAN_STATISTICS_USAGE_FORMULA): " + reason + " [" + e.code()
                            + "]",
                    e);
        }
    }
}
