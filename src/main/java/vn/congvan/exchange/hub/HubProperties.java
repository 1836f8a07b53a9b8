package vn.congvan.exchange.hub;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.congvan.shared.DomainException;

/**
 * The {@code congvan.exchange.hub.*} settings: whether this installation is an exchange hub, and
 * the client systems it serves with the secret each shares with it, and the organ codes each may
 * publish at first (then the hub's administrator sets them, see {@link HubAllowances}).
 */
@ConfigurationProperties("congvan.exchange.hub")
record HubProperties(
        boolean enabled,
        @Nullable Map<String, String> systems,
        @Nullable Map<String, List<String>> initialOrgans) {

    HubProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
        initialOrgans = initialOrgans == null ? Map.of() : Map.copyOf(initialOrgans);
    }

    /** Refuses every axis operation of an installation that is no hub ({@code exchange.hub.not-a-hub}, 404). */
    void requireHub() {
        if (!enabled) {
            throw DomainException.notFound("exchange.hub.not-a-hub");
        }
    }

    @Nullable
    String secretOf(String systemId) {
        Map<String, String> known = systems;
        return known == null ? null : known.get(systemId);
    }
}
