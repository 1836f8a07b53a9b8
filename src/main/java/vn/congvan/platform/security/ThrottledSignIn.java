package vn.congvan.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.platform.PlatformAuditAction;
import vn.congvan.shared.Official;

/**
 * Every password check (the sign-in form, {@code issueToken}, the current password asked before a
 * change) goes through here: refused without a look at the password while the account or the
 * address is locked, counted when it fails, and written to the audit trail either way.
 */
final class ThrottledSignIn implements AuthenticationManager {

    private final AuthenticationManager passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ThrottledSignIn(
            AuthenticationManager passwords,
            SignInThrottle throttle,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        // Its own transaction: a failure is counted and audited even when the caller's rolls back.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName() == null ? "" : attempt.getName();
        Attempt where = Attempt.current();
        Outcome outcome = transaction.execute(status -> {
            Optional<Duration> locked = throttle.lockedFor(username, where.address());
            if (locked.isPresent()) {
                record(failure(PlatformAuditAction.SIGN_IN_THROTTLED, username, where, "locked"));
                return Outcome.refused(new SignInThrottledException(locked.get()));
            }
            try {
                Authentication signedIn = passwords.authenticate(attempt);
                throttle.succeeded(username);
                record(success(signedIn, username, where));
                return Outcome.of(signedIn);
            } catch (AuthenticationException e) {
                throttle.failed(username, where.address());
                record(failure(
                        PlatformAuditAction.SIGN_IN_FAILED,
                        username,
                        where,
                        e instanceof DisabledException ? "disabled" : "bad-credentials"));
                return Outcome.refused(e);
            }
        });
        if (outcome == null) {
            throw new IllegalStateException("The sign-in transaction gave no outcome");
        }
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return Objects.requireNonNull(outcome.authentication());
    }

    private void record(AuditEntry entry) {
        audit.record(entry);
    }

    private static AuditEntry success(Authentication signedIn, String username, Attempt where) {
        Map<String, String> details = Map.of("address", where.address(), "channel", where.channel());
        if (signedIn.getPrincipal() instanceof Official official) {
            return AuditEntry.by(
                    official, PlatformAuditAction.SIGN_IN_SUCCEEDED, "account", subject(username), null, details);
        }
        return new AuditEntry(
                PlatformAuditAction.SIGN_IN_SUCCEEDED,
                "account",
                subject(username),
                null,
                null,
                subject(username),
                details);
    }

    private static AuditEntry failure(PlatformAuditAction action, String username, Attempt where, String reason) {
        return new AuditEntry(
                action,
                "account",
                subject(username),
                null,
                null,
                subject(username),
                Map.of("address", where.address(), "channel", where.channel(), "reason", reason));
    }

    /** The user name as typed, cut to what the audit trail keeps; an empty one still names the attempt. */
    private static String subject(String username) {
        String name = username.strip();
        if (name.isEmpty()) {
            return "-";
        }
        return name.codePointCount(0, name.length()) > 100 ? name.substring(0, name.offsetByCodePoints(0, 100)) : name;
    }

    /** Where an attempt comes from: the client's address and the way in (form, token, password change). */
    record Attempt(String address, String channel) {

        static Attempt current() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                String channel = switch (path) {
                    case "/login" -> "form";
                    case "/api/v1/auth/token" -> "token";
                    default -> "password-confirmation";
                };
                return new Attempt(request.getRemoteAddr(), channel);
            }
            return new Attempt("none", "internal");
        }
    }

    private record Outcome(
            @Nullable Authentication authentication,
            @Nullable AuthenticationException refusal) {
        static Outcome of(Authentication authentication) {
            return new Outcome(authentication, null);
        }

        static Outcome refused(AuthenticationException refusal) {
            return new Outcome(null, refusal);
        }
    }
}
