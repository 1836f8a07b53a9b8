package vn.congvan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on its own thread as soon as the configuration is known, so that
 * it boots while Spring scans and builds the context instead of after (about three seconds of a
 * start). Registered in {@code META-INF/spring.factories}; runs after every other initializer, so
 * one that configures an external database (as the tests' does) is seen and nothing starts.
 */
class EmbeddedPostgresEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        String url = environment.getProperty("congvan.db.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("congvan.data-dir", "./congvan-data"))
                .toAbsolutePath()
                .normalize();
        CompletableFuture<EmbeddedPostgresServer> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return EmbeddedPostgresServer.start(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Starting early = new Starting(dataDir, starting, new AtomicBoolean());
        context.getBeanFactory().registerSingleton("embeddedPostgresStarting", early);
        // Stops the server if the context fails before the database configuration took it over.
        ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("embeddedPostgresStarting", early);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The server being started, for the data directory it was started on. */
    record Starting(Path dataDir, CompletableFuture<EmbeddedPostgresServer> server, AtomicBoolean handedOver)
            implements DisposableBean {

        boolean serves(Path configured) {
            return dataDir.equals(configured.toAbsolutePath().normalize());
        }

        EmbeddedPostgresServer await() throws IOException {
            try {
                EmbeddedPostgresServer started = server.get();
                handedOver.set(true);
                return started;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while the embedded database started", e);
            } catch (ExecutionException e) {
                throw new IOException("The embedded database did not start", e.getCause());
            }
        }

        @Override
        public void destroy() throws IOException {
            if (!handedOver.get() && server.isDone() && !server.isCompletedExceptionally()) {
                server.join().close();
            }
        }
    }
}
