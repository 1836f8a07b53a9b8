package vn.congvan.statistics.usage;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The usage score setting among the {@code congvan.statistics.*} ones.
 *
 * @param usageFormula the score of an official from what they did (see {@link UsageFormula})
 */
@ConfigurationProperties("congvan.statistics")
record UsageSettings(@Nullable String usageFormula) {

    static final String DEFAULT_FORMULA = "2*registered + assigned + 3*onTime + drafts + 2*signatures - returns";

    UsageSettings {
        usageFormula = usageFormula == null || usageFormula.isBlank() ? DEFAULT_FORMULA : usageFormula;
    }
}
