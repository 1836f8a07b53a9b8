package vn.congvan.exchange.hub;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import vn.congvan.exchange.edxml.ExchangeProperties;

/**
 * Binds the {@code congvan.exchange.hub.*} settings, and gives the axis operations their own
 * security chain, ahead of the API's bearer tokens: systems authenticate by signed requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubProperties.class)
class HubConfiguration {

    @Bean
    @Order(0)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain axis(
            HttpSecurity http,
            HubProperties hub,
            HubNonces nonces,
            Clock clock,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
            LocaleResolver locales,
            ExchangeProperties limits)
            throws Exception {
        // Not a bean: Boot would register a filter bean for every URL.
        AxisAuthentication authentication = new AxisAuthentication(
                hub,
                nonces,
                clock,
                errors,
                locales,
                Objects.requireNonNull(limits.maxPackageSize(), "defaulted when not set")
                        .toBytes());
        http.securityMatcher("/api/v1/axis/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .permitAll());
        return http.build();
    }
}
