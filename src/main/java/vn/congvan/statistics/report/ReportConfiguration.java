package vn.congvan.statistics.report;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the monthly report's setting. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportSettings.class)
class ReportConfiguration {}
