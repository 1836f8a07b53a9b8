package vn.congvan.signing.pades;

import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.settings.SigningProperties;

/**
 * The level new signatures are made at and the time-stamping service (RFC 3161) that time-stamps
 * them: the configured one, else the demo authority's own in a demo installation. A level that needs
 * a time-stamp without a service to give it stops the start.
 */
@Component
class TimeStamping {

    private final SigningProperties properties;
    private final Environment environment;
    private final boolean demo;
    private final SigningLevel level;

    TimeStamping(SigningProperties properties, CongVanProperties congVan, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.demo = congVan.demoEnabled();
        boolean service = configuredUrl() != null || demo;
        String name = properties.level();
        this.level = name == null || name.isBlank()
                ? (service ? SigningLevel.B_T : SigningLevel.B_B)
                : SigningLevel.named(name);
        if (level.timeStamped() && !service) {
            throw new IllegalStateException("congvan.signing.level=" + level + " needs a time-stamping service: "
                    + "set congvan.signing.tsa-url, or sign at B-B");
        }
    }

    SigningLevel level() {
        return level;
    }

    /** The service that time-stamps signatures at this level; none at B-B. */
    Optional<TSPSource> source() {
        if (!level.timeStamped()) {
            return Optional.empty();
        }
        String url = configuredUrl();
        if (url == null) {
            url = properties.demoPkiBaseUrl(environment) + "/tsa";
        }
        TimestampDataLoader loader = new TimestampDataLoader();
        properties.limit(loader);
        return Optional.of(new OnlineTSPSource(url, loader));
    }

    private @Nullable String configuredUrl() {
        String url = properties.tsaUrl();
        return url == null || url.isBlank() ? null : url.trim();
    }
}
