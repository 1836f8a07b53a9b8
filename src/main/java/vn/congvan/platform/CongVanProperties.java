package vn.congvan.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code congvan.*} settings an operator can change. */
@ConfigurationProperties("congvan")
public record CongVanProperties(Path dataDir, Db db, Demo demo, Api api) {

    /** Database connection; an empty URL starts the embedded PostgreSQL. */
    public record Db(
            @Nullable String url,
            @Nullable String username,
            @Nullable String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** The demo province; {@code enabled} empty means: on with the embedded database only. */
    public record Demo(@Nullable Boolean enabled, @Nullable String password) {}

    /** The REST API. */
    public record Api(Duration tokenValidity) {}

    public boolean demoEnabled() {
        return demo.enabled() != null ? demo.enabled() : db.embedded();
    }
}
