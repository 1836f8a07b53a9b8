package vn.congvan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the shared test database and a data directory of its own. */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PASSWORD = "Demo@2026-test";

    /**
     * The cost of password hashing in test installations (in-process and in processes of their
     * own): Argon2id still, with 64 KB and one pass. The default cost took 38 % of the unit tests'
     * processor, every sign-in paying for 16 MiB filled twice.
     */
    public static final java.util.Map<String, String> CHEAP_PASSWORD_HASHING =
            java.util.Map.of("memory", "64KB", "iterations", "1");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            TestPropertyValues.of(
                            "congvan.db.url=" + TestDatabase.url(),
                            "congvan.db.username=" + TestDatabase.username(),
                            "congvan.db.password=" + TestDatabase.password(),
                            "congvan.data-dir=" + Files.createTempDirectory("congvan-test-data"),
                            "congvan.demo.password=" + DEMO_PASSWORD,
                            "congvan.db.leak-detection-ms=20000",
                            "congvan.signing.trust-anchors=" + TestPki.shared().rootFile(),
                            "congvan.signing.revocation-timeout=PT5S",
                            // Contexts of a run share one database: none makes again another's verdicts in the
                            // background.
                            "congvan.signing.revalidation-delay=PT24H",
                            // Nor runs another's jobs: a test that needs a job runs it itself.
                            "congvan.scheduling.enabled=false",
                            "congvan.signing.pkcs11.library=" + TestHsm.LIBRARY,
                            // A test of a PIN the HSM refuses sets its own.
                            "congvan.signing.pkcs11.pin="
                                    + context.getEnvironment().getProperty("congvan.signing.pkcs11.pin", TestHsm.PIN),
                            "congvan.signing.plugin-upload-limit=2MB",
                            // Argon2id at its cheapest: every sign-in of the suite paid 16 MiB twice.
                            "congvan.password-hashing.memory=" + CHEAP_PASSWORD_HASHING.get("memory"),
                            "congvan.password-hashing.iterations=" + CHEAP_PASSWORD_HASHING.get("iterations"))
                    .applyTo(context);
            TestDatabase.OPEN_CONTEXTS.incrementAndGet();
            // Registered first, so destroyed last: after the pool and the event registry are closed.
            ((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("testDatabaseRelease", TestDatabase.OPEN_CONTEXTS::decrementAndGet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
