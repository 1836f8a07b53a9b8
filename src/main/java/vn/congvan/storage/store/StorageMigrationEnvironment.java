package vn.congvan.storage.store;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import vn.congvan.shared.CommandRun;

/**
 * Runs the storage migration as a plain process ({@link CommandRun}, quiet). Registered in
 * {@code META-INF/spring.factories}, since it must act before the context exists.
 */
class StorageMigrationEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "congvan.storage.migrate";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(PROPERTY, Boolean.class, false)) {
            CommandRun.configure(environment, "congvan-storage-migrate", true);
        }
    }
}
