package vn.congvan.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.shared.VietnamTime;

/**
 * Connects to the configured PostgreSQL, or starts the embedded one under the data directory.
 * Two roles: the owner of the tables runs the migrations; the application runs as a role that may
 * only read and append to the audit trail (the embedded server's {@code congvan_app}, or
 * {@code congvan.db.app-username} on an external server; without it, the owner does both).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Nullable
    EmbeddedPostgresServer embeddedPostgresServer(
            CongVanProperties properties, ObjectProvider<EmbeddedPostgresEarlyStart.Starting> early)
            throws IOException {
        if (!properties.db().embedded()) {
            return null;
        }
        EmbeddedPostgresEarlyStart.Starting starting = early.getIfAvailable();
        if (starting != null && starting.serves(properties.dataDir())) {
            return starting.await();
        }
        return EmbeddedPostgresServer.start(properties.dataDir());
    }

    /** The connections of the running application, as its restricted role when there is one. */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(
            CongVanProperties properties,
            ObjectProvider<EmbeddedPostgresServer> embedded,
            @Value("${congvan.db.app-username:}") String appUsername,
            @Value("${congvan.db.app-password:}") String appPassword,
            @Value("${congvan.db.leak-detection-ms:0}") long leakDetection) {
        HikariConfig config = new HikariConfig();
        Credentials credentials =
                Credentials.application(properties, embedded.getIfAvailable(), appUsername, appPassword);
        config.setJdbcUrl(credentials.url());
        config.setUsername(credentials.username());
        config.setPassword(credentials.password());
        config.setMaximumPoolSize(20);
        // Idle nodes (and the many application contexts of a test run) hold few connections.
        config.setMinimumIdle(2);
        config.setIdleTimeout(60_000);
        if (leakDetection > 0) {
            config.setLeakDetectionThreshold(leakDetection);
        }
        config.setPoolName("congvan");
        return new HikariDataSource(config);
    }

    /** The owner's connection, for Flyway only: never injected elsewhere. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource migrationDataSource(CongVanProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        Credentials owner = Credentials.owner(properties, embedded.getIfAvailable());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(owner.url());
        // No user nor password when the URL of an external server carries them.
        dataSource.setUsername(owner.username());
        dataSource.setPassword(owner.password());
        return dataSource;
    }

    @Bean
    Callback applicationRoleGrants(
            CongVanProperties properties,
            ObjectProvider<EmbeddedPostgresServer> embedded,
            @Value("${congvan.db.app-username:}") String appUsername) {
        if (embedded.getIfAvailable() != null) {
            return new ApplicationRoleGrants(EmbeddedPostgresServer.APPLICATION_ROLE);
        }
        return new ApplicationRoleGrants(appUsername.isBlank() ? null : appUsername);
    }

    @Bean
    Clock clock() {
        return Clock.system(VietnamTime.ZONE);
    }

    /** Where to connect and as whom. */
    record Credentials(
            String url, @Nullable String username, @Nullable String password) {

        static Credentials owner(CongVanProperties properties, @Nullable EmbeddedPostgresServer server) {
            if (server != null) {
                return new Credentials(server.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, server.superuserPassword());
            }
            return new Credentials(
                    externalUrl(properties),
                    properties.db().username(),
                    properties.db().password());
        }

        static Credentials application(
                CongVanProperties properties,
                @Nullable EmbeddedPostgresServer server,
                String appUsername,
                String appPassword) {
            if (server != null) {
                return new Credentials(
                        server.jdbcUrl(), EmbeddedPostgresServer.APPLICATION_ROLE, server.applicationPassword());
            }
            if (!appUsername.isBlank()) {
                return new Credentials(externalUrl(properties), appUsername, appPassword);
            }
            return owner(properties, null);
        }

        /** Without an embedded server, the configured URL is there: no URL is what starts one. */
        private static String externalUrl(CongVanProperties properties) {
            return Objects.requireNonNull(properties.db().url(), "congvan.db.url, as the database is not embedded");
        }
    }
}
