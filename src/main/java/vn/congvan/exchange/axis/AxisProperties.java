package vn.congvan.exchange.axis;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code congvan.exchange.axis.*} settings of the installation's axis client: the hub's address
 * (empty: no axis), this system's id and shared secret, how often received packages are polled and
 * the directory synchronized (the first time a while after start), the waits between retries of a send (doubled each time up to
 * {@code retryMax}), the timeouts, and from which size a package travels in resumable chunks.
 */
@ConfigurationProperties("congvan.exchange.axis")
public record AxisProperties(
        String url,
        String systemId,
        String secret,
        @Nullable Duration pollInterval,
        @Nullable Duration directoryInterval,
        @Nullable Duration directoryFirstDelay,
        @Nullable Duration retryInitial,
        @Nullable Duration retryMax,
        @Nullable Duration connectTimeout,
        @Nullable Duration requestTimeout,
        @Nullable DataSize uploadChunkSize,
        @Nullable DataSize largePackageThreshold) {

    public AxisProperties {
        url = url == null ? "" : url.strip().replaceAll("/+$", "");
        systemId = systemId == null ? "" : systemId.strip();
        secret = secret == null ? "" : secret;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        directoryInterval = directoryInterval == null ? Duration.ofHours(1) : directoryInterval;
        directoryFirstDelay = directoryFirstDelay == null ? Duration.ofMinutes(1) : directoryFirstDelay;
        retryInitial = retryInitial == null ? Duration.ofSeconds(5) : retryInitial;
        retryMax = retryMax == null ? Duration.ofMinutes(10) : retryMax;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofMinutes(2) : requestTimeout;
        uploadChunkSize = uploadChunkSize == null ? DataSize.ofMegabytes(8) : uploadChunkSize;
        largePackageThreshold = largePackageThreshold == null ? DataSize.ofMegabytes(16) : largePackageThreshold;
        if (!url.isEmpty() && (systemId.isEmpty() || secret.isEmpty())) {
            throw new IllegalArgumentException(
                    "congvan.exchange.axis.system-id and secret are needed when congvan.exchange.axis.url is set");
        }
    }

    /** Whether the installation talks to a hub at all. */
    public boolean configured() {
        return !url.isEmpty();
    }

    /** The wait before the next attempt after {@code failedAttempts} failures, capped at {@code retryMax}. */
    public Duration waitAfter(int failedAttempts) {
        Duration wait = Objects.requireNonNull(retryInitial, "defaulted when not set");
        Duration cap = Objects.requireNonNull(retryMax, "defaulted when not set");
        for (int i = 1; i < failedAttempts && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) < 0 ? wait : cap;
    }
}
