package vn.congvan.directory.installation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the province settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvinceSettings.class)
class InstallationConfiguration {}
