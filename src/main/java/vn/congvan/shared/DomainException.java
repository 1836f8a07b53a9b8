package vn.congvan.shared;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user must understand: carries a message key of the bundles and its arguments,
 * mapped once to an RFC 9457 problem for the API and to a localized message for the UI.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final HttpStatus status;
    private final transient Object[] args;

    public DomainException(HttpStatus status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args.clone();
    }

    /** The message key, also the stable {@code code} of the API problem. */
    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public Object[] args() {
        return args.clone();
    }

    public static DomainException notFound(String code, Object... args) {
        return new DomainException(HttpStatus.NOT_FOUND, code, args);
    }

    public static DomainException invalid(String code, Object... args) {
        return new DomainException(HttpStatus.BAD_REQUEST, code, args);
    }

    public static DomainException forbidden(String code, Object... args) {
        return new DomainException(HttpStatus.FORBIDDEN, code, args);
    }

    public static DomainException conflict(String code, Object... args) {
        return new DomainException(HttpStatus.CONFLICT, code, args);
    }
}
