package vn.congvan.signing.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The plug-in's download and upload addresses take no sign-in, no session and no CSRF token: the
 * plug-in is a program of its own, not the browser. Each request carries its session's one-time
 * secret instead, checked by {@code PluginSigning}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PluginSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain signingPlugin(HttpSecurity http) throws Exception {
        http.securityMatcher("/plugin/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
