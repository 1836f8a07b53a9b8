package vn.congvan.exchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/** The congvan.exchange.* settings reach the edXML reader, with their defaults when unset. */
class EdxmlSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(
                    vn.congvan.platform.CongVanProperties.class,
                    () -> new vn.congvan.platform.CongVanProperties(
                            java.nio.file.Path.of("target", "edxml-settings"), null, null, null))
            .withUserConfiguration(ExchangeConfiguration.class, Edxml.class);

    @Test
    void unsetBoundsAreTwoGigabytesAThousandFilesARatioOfAHundredAndAHundredThousandElements64Deep() {
        context.run(started -> assertThat(started.getBean(ExchangeProperties.class))
                .isEqualTo(new ExchangeProperties(
                        DataSize.ofGigabytes(2),
                        DataSize.ofGigabytes(2),
                        1000,
                        DataSize.ofGigabytes(2),
                        100,
                        64,
                        100_000)));
    }

    @Test
    void theBoundsAreReadFromTheSettings() {
        context.withPropertyValues(
                        "congvan.exchange.max-package-size=10MB",
                        "congvan.exchange.max-attachment-size=5MB",
                        "congvan.exchange.max-zip-entries=20",
                        "congvan.exchange.max-unzipped-size=50MB",
                        "congvan.exchange.max-zip-ratio=30",
                        "congvan.exchange.max-element-depth=20",
                        "congvan.exchange.max-elements=5000")
                .run(started -> {
                    assertThat(started).hasSingleBean(Edxml.class);
                    assertThat(started.getBean(ExchangeProperties.class))
                            .isEqualTo(new ExchangeProperties(
                                    DataSize.ofMegabytes(10),
                                    DataSize.ofMegabytes(5),
                                    20,
                                    DataSize.ofMegabytes(50),
                                    30,
                                    20,
                                    5000));
                });
    }
}
