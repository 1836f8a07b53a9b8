package vn.congvan.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.congvan.platform.office.OfficeProperties;

/** Binds the {@code congvan.*} settings and runs the scheduled jobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CongVanProperties.class, PdfLimits.class, OfficeProperties.class})
@EnableAsync
class PlatformConfiguration {

    /**
     * The scheduled jobs of every module, unless {@code congvan.scheduling.enabled} is false: test
     * contexts share one database, and one context's jobs must not take another test's work (a test
     * that needs a job runs it itself).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "congvan.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    static class Scheduling {}

    @Bean
    PdfBounds pdfBounds(PdfLimits limits) {
        return new PdfBounds(limits);
    }

    /** Office documents rendered as PDF, LibreOffice's profiles and runs under the data directory. */
    @Bean
    OfficeDocuments officeDocuments(OfficeProperties office, CongVanProperties congvan, PdfBounds bounds) {
        return new OfficeDocuments(office, congvan.dataDir().resolve("office"), bounds);
    }
}
