package vn.congvan.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.congvan.shared.Official;

/**
 * Judges every request of a web session on the person's rights as the directory holds them now.
 * The session keeps the official as they were at sign-in; this filter puts the current one in
 * their place for the request, and ends the session when the account was disabled, or its password
 * or roles changed since (the directory's credentials version moved on). Nothing is kept in
 * memory: every node reads the same directory.
 */
final class CurrentRightsFilter extends OncePerRequestFilter {

    private final CurrentOfficials officials;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentRightsFilter(CurrentOfficials officials) {
        this.officials = officials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication held = contexts.getContext().getAuthentication();
        if (held != null && held.isAuthenticated() && held.getPrincipal() instanceof Official signedIn) {
            Optional<UserDetails> current = officials.now(signedIn.getUsername(), signedIn.credentialsVersion());
            if (current.isPresent()) {
                // A new context, not the session's one changed in place: the session keeps what it stored.
                SecurityContext fresh = contexts.createEmptyContext();
                UserDetails official = current.get();
                var authentication =
                        UsernamePasswordAuthenticationToken.authenticated(official, null, official.getAuthorities());
                authentication.setDetails(held.getDetails());
                fresh.setAuthentication(authentication);
                contexts.setContext(fresh);
            } else {
                contexts.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
