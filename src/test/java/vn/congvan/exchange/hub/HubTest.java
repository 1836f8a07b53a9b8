package vn.congvan.exchange.hub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import vn.congvan.FreePort;
import vn.congvan.TestDatabaseInitializer;

/**
 * A CongVan server that is an exchange hub and, as system {@value #SELF}, its own axis client
 * pointed at itself: real HTTP both ways. A second system, {@value #OTHER}, is known to the hub
 * for tests that play another installation by hand; both may publish any organ code (their tests
 * make random ones), and a third, {@value #THIRD}, none until a test's administrator allows it.
 * The scheduled sender, poller and directory sync wait an hour: tests run them when they want.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, HubTest.Settings.class})
public @interface HubTest {

    String SELF = "office-a";
    String SELF_SECRET = "secret-of-office-a";
    String OTHER = "office-b";
    String OTHER_SECRET = "secret-of-office-b";
    String THIRD = "office-c";
    String THIRD_SECRET = "secret-of-office-c";

    /** The hub's port, free when the context starts, and the settings above. */
    class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        public static final int PORT = FreePort.onLoopback();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "server.port=" + PORT,
                            "congvan.exchange.hub.enabled=true",
                            "congvan.exchange.max-package-size=1MB",
                            "congvan.exchange.hub.systems." + SELF + "=" + SELF_SECRET,
                            "congvan.exchange.hub.systems." + OTHER + "=" + OTHER_SECRET,
                            "congvan.exchange.hub.systems." + THIRD + "=" + THIRD_SECRET,
                            "congvan.exchange.hub.initial-organs." + SELF + "=*",
                            "congvan.exchange.hub.initial-organs." + OTHER + "=*",
                            "congvan.exchange.axis.url=http://localhost:" + PORT,
                            "congvan.exchange.axis.system-id=" + SELF,
                            "congvan.exchange.axis.secret=" + SELF_SECRET,
                            "congvan.exchange.axis.poll-interval=PT1H",
                            "congvan.exchange.axis.directory-interval=PT1H",
                            "congvan.exchange.axis.retry-initial=PT2S",
                            "congvan.exchange.axis.retry-max=PT8S",
                            "congvan.exchange.axis.connect-timeout=PT2S",
                            "congvan.exchange.axis.request-timeout=PT20S",
                            "congvan.exchange.axis.upload-chunk-size=64KB",
                            "congvan.exchange.axis.large-package-threshold=200KB")
                    .applyTo(context);
        }
    }
}
