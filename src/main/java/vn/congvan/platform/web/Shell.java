package vn.congvan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The pages' shell: styles, scripts, images, the app's manifest and service worker, the offline
 * page. Anyone's, and never the session's business. A request that reads the session writes it back
 * when it ends, its id included (Spring Session's JDBC store), so one that began before a sign-in and
 * ended after it put the id from before the sign-in back, and the official found himself signed out
 * (the service worker fetches the shell while the sign-in form is posted). The security filters of
 * the shell do not read it (platform's {@code SecurityConfiguration}), the flash messages neither
 * (here), nor the event of a handled request ({@code spring.mvc.publish-request-handled-events}
 * off); the offline page is a template, and Thymeleaf reads the session when a cookie comes: the
 * service worker fetches the whole shell without the cookie.
 */
public final class Shell {

    /** The shell's paths, as request patterns. */
    public static final String[] PATHS = {
        "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/manifest.webmanifest", "/sw.js", "/offline"
    };

    private static final List<PathPattern> PATTERNS = java.util.Arrays.stream(PATHS)
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private Shell() {}

    static boolean holds(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        return PATTERNS.stream().anyMatch(p -> p.matches(path));
    }

    /** The flash messages of a step taken on a page, kept in the session, but not read for the shell. */
    @Component("flashMapManager")
    static class FlashMessages extends SessionFlashMapManager {

        @Override
        protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
            return holds(request) ? null : super.retrieveFlashMaps(request);
        }
    }
}
