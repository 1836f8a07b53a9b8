package vn.congvan.registry.demo;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import vn.congvan.shared.CommandRun;

/**
 * Runs the volume generator as a plain process ({@link CommandRun}). Registered in
 * {@code META-INF/spring.factories}, since it must act before the context exists.
 */
class VolumeGenerationEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "congvan.generate.documents";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            CommandRun.configure(environment, "congvan-generate", false);
        }
    }
}
