package vn.congvan.shared;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings of a run of CongVan as a one-off command (verifying the audit trail, migrating the
 * files, generating a volume province): no web server, which would take the port of a running
 * node, and no replay of pending events; a quiet command logs only warnings unless the operator's
 * own logging settings say otherwise, so that its result line stands out.
 */
public final class CommandRun {

    private CommandRun() {}

    /** Puts the command's settings into the environment, under the source name {@code name}. */
    public static void configure(ConfigurableEnvironment environment, String name, boolean quiet) {
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        name,
                        Map.of(
                                "spring.main.web-application-type", "none",
                                "spring.modulith.events.republish-outstanding-events-on-restart", "false")));
        if (quiet) {
            // Last: an operator's own logging settings still win.
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(name + "-logging", Map.of("logging.level.root", "WARN")));
        }
    }
}
