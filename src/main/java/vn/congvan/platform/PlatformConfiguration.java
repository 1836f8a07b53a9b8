package vn.congvan.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the {@code congvan.*} settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CongVanProperties.class)
@EnableScheduling
@EnableAsync
class PlatformConfiguration {}
