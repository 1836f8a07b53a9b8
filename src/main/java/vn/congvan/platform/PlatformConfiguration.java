package vn.congvan.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the {@code congvan.*} settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CongVanProperties.class, PdfLimits.class})
@EnableScheduling
@EnableAsync
class PlatformConfiguration {

    @Bean
    PdfBounds pdfBounds(PdfLimits limits) {
        return new PdfBounds(limits);
    }
}
