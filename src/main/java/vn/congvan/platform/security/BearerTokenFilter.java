package vn.congvan.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by its {@code Authorization: Bearer} token, as the person is now:
 * their current roles, and no one when the account was disabled or its password or roles changed
 * after the token was issued.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private final ApiTokens tokens;
    private final CurrentOfficials officials;

    BearerTokenFilter(ApiTokens tokens, CurrentOfficials officials) {
        this.tokens = tokens;
        this.officials = officials;
    }

    /** The bearer token of the request, if it carries one. */
    static Optional<String> tokenOf(HttpServletRequest request) {
        @Nullable String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.of(header.substring(PREFIX.length()).trim());
        }
        return Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        tokenOf(request)
                .flatMap(tokens::holderOf)
                .flatMap(holder -> officials.now(holder.username(), holder.credentialsVersion()))
                .ifPresent(official -> SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                official, null, official.getAuthorities())));
        chain.doFilter(request, response);
    }
}
