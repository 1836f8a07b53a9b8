package vn.congvan.exchange.axis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the {@code congvan.exchange.axis.*} settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxisProperties.class)
class AxisConfiguration {}
