package vn.congvan.platform.security;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.congvan.shared.Official;

/**
 * The person behind a session or a token as the directory holds them now: their current roles, or
 * nobody when the account was removed, disabled, or had its password or roles changed since.
 */
@Component
class CurrentOfficials {

    private final UserDetailsService directory;

    CurrentOfficials(UserDetailsService directory) {
        this.directory = directory;
    }

    /** The official now, if the credentials they signed in with ({@code version}) still stand. */
    Optional<UserDetails> now(String username, long version) {
        UserDetails current;
        try {
            current = directory.loadUserByUsername(username);
        } catch (UsernameNotFoundException removed) {
            return Optional.empty();
        }
        if (!current.isEnabled()) {
            return Optional.empty();
        }
        if (current instanceof Official official && official.credentialsVersion() != version) {
            return Optional.empty();
        }
        return Optional.of(current);
    }

    /** The version an official signed in with; other principals (tests' plain users) have none. */
    static long versionOf(UserDetails principal) {
        return principal instanceof Official official ? official.credentialsVersion() : 0;
    }
}
