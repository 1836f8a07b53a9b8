package vn.congvan.statistics.report;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monthly report's setting among the {@code congvan.statistics.*} ones.
 *
 * @param reportUnit the identification code (legacy or newer) of the unit that issues the report and
 *     seals it with its server-held organization key: the provincial IT centre, or the Department of
 *     Information and Communications it belongs to; empty in a demo installation: the demo's department
 */
@ConfigurationProperties("congvan.statistics")
record ReportSettings(@Nullable String reportUnit) {}
