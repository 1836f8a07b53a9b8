package vn.congvan.handling.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the {@code congvan.handling.*} settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HandlingProperties.class)
class HandlingConfiguration {}
