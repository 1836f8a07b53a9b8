package vn.congvan.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.audit.AuditTrail;
import vn.congvan.platform.web.ProblemDetails;
import vn.congvan.platform.web.Shell;

/**
 * Deny by default. The API is stateless with bearer tokens; the UI uses form login with sessions
 * kept in the database and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({SignInSettings.class, PasswordHashing.class})
class SecurityConfiguration {

    /** Back to the form, told how long to wait when the sign-in was throttled. */
    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String query =
                failure instanceof SignInThrottledException throttled ? "?throttled=" + throttled.seconds() : "?error";
        response.sendRedirect(request.getContextPath() + "/login" + query);
    }

    /**
     * The pages' policy: scripts and styles only from our own files (no inline script, no on*
     * handler, no eval: page behaviour is in /js), nothing embedded but our own frames (the PDF
     * preview), forms posted only to us. Style needs no 'unsafe-inline' either: htmx's indicator
     * styles are in congvan.css, and Chart.js and Swagger UI set styles through the DOM, which a
     * policy does not restrict. The pages connect to us and to the desktop signing plug-in's local
     * WebSocket ({@code congvan.signing.plugin-url}) only.
     */
    static String pagePolicy(String pluginUrl) {
        if (!pluginUrl.matches("(?i)wss?://[\\w.:\\[\\]-]+/?[\\w./-]*")) {
            throw new IllegalStateException("congvan.signing.plugin-url is not a WebSocket address: " + pluginUrl);
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' "
                + pluginUrl + "; object-src 'none'; frame-src 'self'; frame-ancestors 'self'; base-uri 'self';"
                + " form-action 'self'";
    }

    /** The API answers JSON (files set their own policy): nothing in it is ever a page. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder(PasswordHashing hashing) {
        return new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", hashing.encoder(), "bcrypt", new BCryptPasswordEncoder()));
    }

    /** Checks passwords for the sign-in form, {@code issueToken} and password changes alike: throttled, audited. */
    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService officials,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(officials);
        provider.setPasswordEncoder(encoder);
        return new ThrottledSignIn(new ProviderManager(provider), throttle, audit, transactions);
    }

    // Filter chains exist only in a web application: commands such as the audit verification
    // run the same context without a web server.
    /**
     * The resumable uploads take a signed-in page's session as well as a bearer token: the pages'
     * upload widget runs in the official's browser. A request with a token is the API's; one with a
     * session must carry the session's CSRF token, as every page form does; one with neither is 401. The session's rights are read
     * again on every request, as on the pages; no session is ever made here.
     */
    @Bean
    @Order(0)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain uploadsOfPagesAndApi(
            HttpSecurity http,
            ApiTokens tokens,
            CurrentOfficials officials,
            ProblemDetails problems,
            JsonMapper json,
            LocaleResolver locales)
            throws Exception {
        ProblemWriter writer = new ProblemWriter(problems, json, locales);
        http.securityMatcher("/api/v1/uploads", "/api/v1/uploads/**")
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> request.getHeader("Authorization") == null
                        && request.getSession(false) != null
                        && !SAFE_METHODS.contains(request.getMethod())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterAfter(new CurrentRightsFilter(officials), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, officials), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return answeringAsTheApi(http, writer).build();
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain api(
            HttpSecurity http,
            ApiTokens tokens,
            CurrentOfficials officials,
            ProblemDetails problems,
            JsonMapper json,
            LocaleResolver locales)
            throws Exception {
        ProblemWriter writer = new ProblemWriter(problems, json, locales);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, officials), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return answeringAsTheApi(http, writer).build();
    }

    /** An API's answers: no page may open them, a refusal is a problem document in the reader's language. */
    private static HttpSecurity answeringAsTheApi(HttpSecurity http, ProblemWriter writer) throws Exception {
        return http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> writer.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthorized"))
                        .accessDeniedHandler(
                                (req, res, ex) -> writer.write(req, res, HttpStatus.FORBIDDEN, "error.forbidden")));
    }

    /** The shell's files and the offline page ({@link Shell}): anyone's, and the session not even read. */
    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain shell(
            HttpSecurity http, @Value("${congvan.signing.plugin-url:wss://127.0.0.1:8987/}") String pluginUrl)
            throws Exception {
        http.securityMatcher(Shell.PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(pagePolicy(pluginUrl))));
        return http.build();
    }

    @Bean
    @Order(3)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain web(
            HttpSecurity http,
            CurrentOfficials officials,
            AuthenticationManager signIn,
            @Value("${congvan.signing.plugin-url:wss://127.0.0.1:8987/}") String pluginUrl)
            throws Exception {
        http.authenticationManager(signIn)
                .addFilterAfter(new CurrentRightsFilter(officials), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/error",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMINISTRATOR")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfiguration::signInFailed)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(pagePolicy(pluginUrl))));
        return http.build();
    }
}
