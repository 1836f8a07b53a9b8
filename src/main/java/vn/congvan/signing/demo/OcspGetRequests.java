package vn.congvan.signing.demo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.congvan.signing.pki.CertificateAuthority;

/**
 * The demo authority's OCSP responder in the RFC 6960 GET form (appendix A.1): the DER request,
 * base64, URL-encoded, as the last part of the path, which NSS (poppler's {@code pdfsig}, Firefox)
 * uses for short requests. Base64 holds {@code /}, sent as {@code %2F}, which Tomcat refuses and
 * Spring Security's firewall rejects everywhere; so this filter answers such requests itself, from
 * the raw path, before either looks at them, and Tomcat passes encoded slashes on to the firewall.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OcspGetRequests {

    private static final Pattern GET_FORM = Pattern.compile("^/pki/([A-Za-z0-9._-]+)/ocsp/(.+)$");

    @Bean
    FilterRegistrationBean<Filter> ocspGetRequestFilter(DemoCertificateAuthority authority) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Answering(authority));
        registration.addUrlPatterns("/pki/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat hands {@code %2F} on undecoded instead of refusing it: the firewall still rejects it outside this filter. */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** The DER of the OCSP request in the path, or nothing when it is not there in the GET form. */
    static byte @Nullable [] request(String rawPath) {
        Matcher matcher = GET_FORM.matcher(rawPath);
        if (!matcher.matches()) {
            return null;
        }
        String base64 = percentDecoded(matcher.group(2));
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(base64.strip());
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    static @Nullable String name(String rawPath) {
        Matcher matcher = GET_FORM.matcher(rawPath);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Percent-decoding as in a URL path: a {@code +} stays a plus, as base64 means it. */
    private static @Nullable String percentDecoded(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                out.write(high * 16 + low);
                i += 2;
            } else if (c < 128) {
                out.write(c);
            } else {
                return null;
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final class Answering implements Filter {

        private final DemoCertificateAuthority authority;

        Answering(DemoCertificateAuthority authority) {
            this.authority = authority;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            String path = http.getRequestURI().substring(http.getContextPath().length());
            String name = name(path);
            if (!"GET".equals(http.getMethod()) || name == null) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse answer = (HttpServletResponse) response;
            Optional<CertificateAuthority> ca = authority.named(name);
            byte[] der = request(path);
            if (ca.isEmpty()) {
                answer.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            byte[] body =
                    ca.get().answerOcsp(der != null ? der : new byte[0], serial -> Optional.empty(), Instant.now());
            answer.setContentType("application/ocsp-response");
            answer.setContentLength(body.length);
            answer.getOutputStream().write(body);
        }
    }
}
