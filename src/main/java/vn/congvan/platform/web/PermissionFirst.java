package vn.congvan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.HoldsRole;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Judges who may call an operation before Spring reads and validates its body: method security
 * ({@code @PreAuthorize}) runs only once the arguments are resolved, so a caller without the
 * right was told "400, your body is wrong" (and made the server parse it) before "403". Here the
 * {@link HoldsRole} of an operation, and a {@code @PreAuthorize} expression that names no
 * argument, are decided first. (A multipart body is still spooled by the servlet container
 * before this, within the upload limit, to its own temporary files, never to the permanent store;
 * resolving it lazily had Tomcat answer an oversized upload with its own HTML page.)
 */
@Configuration(proxyBeanMethods = false)
class PermissionFirst implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    /**
     * Rules are read as method security reads them: with the application's expression handler when
     * it declares one, else a default that resolves {@code @bean} references in this context.
     */
    PermissionFirst(ObjectProvider<MethodSecurityExpressionHandler> declared, ApplicationContext context) {
        preAuthorize.setExpressionHandler(declared.getIfAvailable(() -> {
            DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
            handler.setApplicationContext(context);
            return handler;
        }));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HoldsRole holds = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), HoldsRole.class);
        if (holds != null && !holds(authentication, holds, request)) {
            throw DomainException.forbidden(holds.refusal());
        }
        PreAuthorize rule = preAuthorizeOf(method);
        if (rule != null && !rule.value().contains("#")) {
            Method target = method.getMethod();
            SimpleMethodInvocation invocation =
                    new SimpleMethodInvocation(method.getBean(), target, new Object[target.getParameterCount()]);
            AuthorizationResult result = preAuthorize.authorize(() -> authentication, invocation);
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("refused before reading the request");
            }
        }
        return true;
    }

    private static @Nullable PreAuthorize preAuthorizeOf(HandlerMethod method) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        return onMethod != null
                ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
    }

    private static boolean holds(@Nullable Authentication authentication, HoldsRole holds, HttpServletRequest request) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Official official)) {
            return false;
        }
        for (Role role : holds.anywhere()) {
            if (official.holdsAnywhere(role)) {
                return true;
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String unit = variables == null || holds.unit().isEmpty() ? null : variables.get(holds.unit());
        UUID unitId;
        try {
            unitId = unit == null ? null : UUID.fromString(unit);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (unitId == null) {
            return false;
        }
        for (Role role : holds.value()) {
            if (official.holds(role, unitId)) {
                return true;
            }
        }
        return false;
    }
}
