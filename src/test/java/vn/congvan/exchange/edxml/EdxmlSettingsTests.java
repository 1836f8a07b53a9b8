package vn.congvan.exchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;
import vn.congvan.storage.upload.UploadProperties;

/** The congvan.exchange.* settings reach the edXML reader, with their defaults when unset. */
class EdxmlSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(
                    vn.congvan.platform.CongVanProperties.class,
                    () -> new vn.congvan.platform.CongVanProperties(
                            java.nio.file.Path.of("target", "edxml-settings"), null, null, null))
            .withUserConfiguration(ExchangeConfiguration.class, Edxml.class);

    @Test
    void
            unsetBoundsAre70GigabytePackages50GigabyteAttachmentsAndUnzippedContentsAThousandFilesAndAHundredThousandElements64Deep() {
        context.run(started -> assertThat(started.getBean(ExchangeProperties.class))
                .isEqualTo(new ExchangeProperties(
                        DataSize.ofGigabytes(70),
                        DataSize.ofGigabytes(50),
                        1000,
                        DataSize.ofGigabytes(50),
                        100,
                        64,
                        100_000)));
    }

    /**
     * A planning dossier as large as an official may upload (congvan.storage.uploads.max-file-size)
     * attached to an outgoing document reaches another installation: the hub and the receiver take
     * its package. With the earlier 2 GB bounds the hub refused a 5 GB dossier's package for good
     * (413, bench/big-dossier.sh).
     */
    @Test
    void aDossierAsLargeAsAnOfficialMayUploadTravelsWithinTheBoundsAnInstallationStartsWith() {
        context.withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Uploads.class)
                .run(started -> {
                    ExchangeProperties bounds = started.getBean(ExchangeProperties.class);
                    long largestUpload = started.getBean(UploadProperties.class)
                            .maxFileSize()
                            .toBytes();
                    // In base64, four characters for three bytes, in lines of 76 characters and their breaks.
                    long encoded = (largestUpload + 2) / 3 * 4 / 76 * 77;
                    assertThat(java.util.Objects.requireNonNull(bounds.maxAttachmentSize())
                                    .toBytes())
                            .as("the largest attachment read")
                            .isGreaterThanOrEqualTo(largestUpload);
                    assertThat(java.util.Objects.requireNonNull(bounds.maxUnzippedSize())
                                    .toBytes())
                            .as("the most a zipped dossier expands to")
                            .isGreaterThanOrEqualTo(largestUpload);
                    assertThat(java.util.Objects.requireNonNull(bounds.maxPackageSize())
                                    .toBytes())
                            .as("the largest package taken")
                            .isGreaterThan(encoded);
                });
    }

    @EnableConfigurationProperties(UploadProperties.class)
    static class Uploads {}

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
