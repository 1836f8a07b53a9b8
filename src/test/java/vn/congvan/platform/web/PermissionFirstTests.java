package vn.congvan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

/**
 * A rule that names a bean ({@code @bean.method()}) is judged before the body as method security
 * judges it afterwards: with the beans of the application, not refused for want of a resolver.
 */
class PermissionFirstTests {

    /** The beans a rule may name. */
    public static class Gate {
        public boolean opensFor(String name) {
            return "lan".equals(name);
        }
    }

    static class Operation {
        @PreAuthorize("@gate.opensFor(authentication.name)")
        public void guarded() {}
    }

    @AfterEach
    void nobodySignedIn() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRuleNamingABeanLetsInWhomTheBeanLetsInBeforeTheBodyIsRead() throws Exception {
        signedIn("lan");

        assertThat(permissionFirst().preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), guarded()))
                .isTrue();
    }

    @Test
    void aRuleNamingABeanRefusesWhomTheBeanRefusesBeforeTheBodyIsRead() throws Exception {
        signedIn("mai");

        assertThatThrownBy(() -> permissionFirst()
                        .preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), guarded()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static PermissionFirst permissionFirst() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("gate", Gate.class);
        context.refresh();
        return new PermissionFirst(
                context.getBeanProvider(
                        org.springframework.security.access.expression.method.MethodSecurityExpressionHandler.class),
                context);
    }

    private static HandlerMethod guarded() throws NoSuchMethodException {
        return new HandlerMethod(new Operation(), Operation.class.getMethod("guarded"));
    }

    private static void signedIn(String name) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        name, "", AuthorityUtils.createAuthorityList("ROLE_SPECIALIST")));
    }
}
