package vn.congvan.statistics.figures;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the {@code congvan.statistics.*} settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatisticsProperties.class)
class StatisticsConfiguration {}
