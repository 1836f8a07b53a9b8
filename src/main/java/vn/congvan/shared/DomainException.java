package vn.congvan.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A refusal the user must understand: carries a message key of the bundles and its arguments,
 * mapped once to an RFC 9457 problem for the API and to a localized message for the UI.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final HttpStatusCode status;
    private final transient @Nullable Object[] args;

    public DomainException(HttpStatus status, String code, @Nullable Object... args) {
        this((HttpStatusCode) status, code, args);
    }

    /** A refusal with a status of a protocol of its own, such as tus's 460 (checksum mismatch). */
    public DomainException(HttpStatusCode status, String code, @Nullable Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args.clone();
    }

    /** The message key, also the stable {@code code} of the API problem. */
    public String code() {
        return code;
    }

    public HttpStatusCode status() {
        return status;
    }

    public @Nullable Object[] args() {
        return args.clone();
    }

    public static DomainException notFound(String code, @Nullable Object... args) {
        return new DomainException(HttpStatus.NOT_FOUND, code, args);
    }

    public static DomainException invalid(String code, @Nullable Object... args) {
        return new DomainException(HttpStatus.BAD_REQUEST, code, args);
    }

    public static DomainException forbidden(String code, @Nullable Object... args) {
        return new DomainException(HttpStatus.FORBIDDEN, code, args);
    }

    public static DomainException conflict(String code, @Nullable Object... args) {
        return new DomainException(HttpStatus.CONFLICT, code, args);
    }
}
