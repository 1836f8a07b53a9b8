package vn.congvan.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.shared.VietnamTime;

/** Connects to the configured PostgreSQL, or starts the embedded one under the data directory. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Nullable EmbeddedPostgresServer embeddedPostgresServer(
            CongVanProperties properties, ObjectProvider<EmbeddedPostgresEarlyStart.Starting> early) throws IOException {
        if (!properties.db().embedded()) {
            return null;
        }
        EmbeddedPostgresEarlyStart.Starting starting = early.getIfAvailable();
        if (starting != null && starting.serves(properties.dataDir())) {
            return starting.await();
        }
        return EmbeddedPostgresServer.start(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            CongVanProperties properties,
            ObjectProvider<EmbeddedPostgresServer> embedded,
            @Value("${congvan.db.leak-detection-ms:0}") long leakDetection) {
        HikariConfig config = new HikariConfig();
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        if (server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().username());
            config.setPassword(properties.db().password());
        }
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

    @Bean
    Clock clock() {
        return Clock.system(VietnamTime.ZONE);
    }

}
