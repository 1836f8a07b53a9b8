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

    /**
     * The demo province; {@code enabled} empty means: on with the embedded database only;
     * {@code documents} false: its units, people and certificates without its year of correspondence.
     */
    public record Demo(
            @Nullable Boolean enabled,
            @Nullable String password,
            @Nullable Boolean documents) {

        /** Whether the demo province gets its year of correspondence (the default). */
        public boolean withDocuments() {
            return documents == null || documents;
        }
    }

    /** The REST API. */
    public record Api(Duration tokenValidity) {}

    public boolean demoEnabled() {
        return demo.enabled() != null ? demo.enabled() : db.embedded();
    }
}
