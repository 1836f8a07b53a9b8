package vn.congvan.directory.web;

import java.util.Map;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.DirectoryAuditAction;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/** What every official changes about their own account: their password. */
@Service
class OwnAccount {

    private final AuthenticationManager signIn;
    private final Credentials credentials;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    OwnAccount(
            AuthenticationManager signIn,
            Credentials credentials,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.signIn = signIn;
        this.credentials = credentials;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Checks the current password the way a sign-in does (throttled and audited, so a borrowed
     * session cannot guess it), then sets the new one. Every session and token of the official ends,
     * this one included: they sign in again with the new password.
     */
    void changePassword(Official official, ChangePassword command) {
        String current = Objects.requireNonNull(command.currentPassword());
        String next = Objects.requireNonNull(command.newPassword());
        try {
            signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(official.getUsername(), current));
        } catch (AuthenticationException e) {
            throw DomainException.invalid("directory.password.current-wrong");
        }
        PasswordRule.check(official.getUsername(), next);
        if (next.equals(current)) {
            throw DomainException.invalid("directory.password.unchanged");
        }
        transaction.executeWithoutResult(status -> {
            credentials.setPassword(official.personId(), next);
            audit.record(AuditEntry.by(
                    official,
                    DirectoryAuditAction.PASSWORD_CHANGED,
                    "directory",
                    official.personId().toString(),
                    null,
                    Map.of()));
        });
    }
}
