package vn.congvan.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates an API request by its {@code Authorization: Bearer} token. */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private final ApiTokens tokens;
    private final UserDetailsService officials;

    BearerTokenFilter(ApiTokens tokens, UserDetailsService officials) {
        this.tokens = tokens;
        this.officials = officials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            tokens.usernameFor(header.substring(PREFIX.length()).trim()).ifPresent(username -> {
                try {
                    UserDetails official = officials.loadUserByUsername(username);
                    if (official.isEnabled()) {
                        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                                official, null, official.getAuthorities());
                        SecurityContextHolder.getContext().setAuthentication(authentication);
                    }
                } catch (UsernameNotFoundException removed) {
                    // The account was removed after the token was issued: stay anonymous.
                }
            });
        }
        chain.doFilter(request, response);
    }
}
