package vn.congvan.audit.command;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the verification command as a plain process: no web server (it would take the port of a
 * running node), no replay of pending events, and unless configured otherwise only warnings in
 * the log, so that the result line stands out. Registered in {@code META-INF/spring.factories}, since it must act before the context exists.
 */
class AuditVerificationEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "congvan.audit.verify";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(PROPERTY, Boolean.class, false)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "congvan-audit-verify",
                            Map.of(
                                    "spring.main.web-application-type", "none",
                                    "spring.modulith.events.republish-outstanding-events-on-restart", "false")));
            // Last: an operator's own logging settings still win.
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "congvan-audit-verify-logging", Map.of("logging.level.root", "WARN")));
        }
    }
}
