package vn.congvan.audit.command;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import vn.congvan.shared.CommandRun;

/**
 * Runs the verification command as a plain process ({@link CommandRun}, quiet). Registered in
 * {@code META-INF/spring.factories}, since it must act before the context exists.
 */
class AuditVerificationEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "congvan.audit.verify";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(PROPERTY, Boolean.class, false)) {
            CommandRun.configure(environment, "congvan-audit-verify", true);
        }
    }
}
