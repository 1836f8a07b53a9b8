package vn.congvan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.congvan.platform.Preparations;
import vn.congvan.shared.DomainException;

/**
 * While the installation prepares itself, its health is "out of service" (a load balancer sends no
 * one, the first start's "healthy" waits for it) and every change is refused with a localized reason
 * and {@code Retry-After}; reading and signing in stay open.
 */
@Configuration(proxyBeanMethods = false)
class WhilePreparing implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    /** Signing in and out over the API (the pages' sign-in is not a handler): no record of work. */
    private static final String SIGNING_IN = "/api/v1/auth/";

    private final Preparations preparations;

    WhilePreparing(Preparations preparations) {
        this.preparations = preparations;
    }

    @Bean
    HealthIndicator preparationHealthIndicator() {
        return () -> {
            Set<String> underWay = preparations.underWay();
            return underWay.isEmpty()
                    ? Health.up().build()
                    : Health.outOfService().withDetail("underWay", underWay).build();
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod
                && !READING.contains(request.getMethod())
                && !request.getRequestURI().startsWith(SIGNING_IN)
                && !preparations.underWay().isEmpty()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "platform.preparing");
        }
        return true;
    }

    /** Every page says so while it lasts. */
    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        if (page != null && page.hasView() && !preparations.underWay().isEmpty()) {
            page.addObject("preparing", Boolean.TRUE);
        }
    }
}
