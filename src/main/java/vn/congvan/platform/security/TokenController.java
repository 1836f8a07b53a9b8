package vn.congvan.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.platform.PlatformAuditAction;
import vn.congvan.platform.web.ProblemDetails;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/** Exchanges a user name and password for a bearer token of the API, and revokes it on log-out. */
@RestController
@Tag(name = "auth")
class TokenController {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final ProblemDetails problems;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    TokenController(
            AuthenticationManager authentication,
            ApiTokens tokens,
            ProblemDetails problems,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.problems = problems;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Credentials(@NotBlank String username, @NotBlank String password) {}

    record TokenResponse(String token, Instant expiresAt) {}

    @PostMapping("/api/v1/auth/token")
    @Operation(
            operationId = "issueToken",
            summary = "Issue a bearer token for a user name and password; "
                    + "after repeated failures for the account or from the address, 429 with Retry-After")
    TokenResponse issueToken(@Valid @RequestBody Credentials credentials) {
        try {
            var authenticated = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    credentials.username(), credentials.password()));
            long version = authenticated.getPrincipal() instanceof UserDetails official
                    ? CurrentOfficials.versionOf(official)
                    : 0;
            ApiTokens.IssuedToken issued = tokens.issue(authenticated.getName(), version);
            return new TokenResponse(issued.token(), issued.expiresAt());
        } catch (SignInThrottledException throttled) {
            throw throttled;
        } catch (AuthenticationException e) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "error.auth.bad-credentials");
        }
    }

    /** 429 with the localized wait and {@code Retry-After}, in seconds. */
    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottledException throttled) {
        ResponseEntity<ProblemDetail> problem =
                problems.response(HttpStatus.TOO_MANY_REQUESTS, "error.auth.throttled", throttled.seconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.seconds()))
                .body(problem.getBody());
    }

    @PostMapping("/api/v1/auth/logout")
    @Operation(operationId = "revokeToken", summary = "Log out: the bearer token of this request stops working at once")
    ResponseEntity<Void> revokeToken(HttpServletRequest request, @AuthenticationPrincipal Official official) {
        BearerTokenFilter.tokenOf(request)
                .ifPresent(token -> transaction.executeWithoutResult(status -> {
                    tokens.revoke(token);
                    audit.record(AuditEntry.by(
                            official,
                            PlatformAuditAction.TOKEN_REVOKED,
                            "account",
                            official.getUsername(),
                            null,
                            Map.of()));
                }));
        return ResponseEntity.noContent().build();
    }
}
