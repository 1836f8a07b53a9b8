package vn.congvan.registry.demo;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the volume generator as a plain process: no web server and no replay of pending events.
 * Registered in {@code META-INF/spring.factories}, since it must act before the context exists.
 */
class VolumeGenerationEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "congvan.generate.documents";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "congvan-generate",
                            Map.of(
                                    "spring.main.web-application-type", "none",
                                    "spring.modulith.events.republish-outstanding-events-on-restart", "false")));
        }
    }
}
