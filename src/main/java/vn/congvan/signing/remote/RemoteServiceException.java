package vn.congvan.signing.remote;

import org.jspecify.annotations.Nullable;

/**
 * The remote signing service could not be reached or refused a call: {@code reason} is the message
 * key shown to the signer, {@code error} and {@code serviceMessage} what the service said (CSC
 * {@code error}, {@code error_description}); a passing fault may go away when asked again.
 */
class RemoteServiceException extends RuntimeException {

    private final String reason;
    private final int status;
    private final String error;
    private final @Nullable String serviceMessage;
    private final boolean passing;

    RemoteServiceException(String reason, int status, String error, @Nullable String serviceMessage, boolean passing) {
        super(reason + (serviceMessage == null ? "" : ": " + serviceMessage));
        this.reason = reason;
        this.status = status;
        this.error = error;
        this.serviceMessage = serviceMessage;
        this.passing = passing;
    }

    static RemoteServiceException unreachable(@Nullable String detail) {
        return new RemoteServiceException("signing.remote.unreachable", 0, "", detail, true);
    }

    String reason() {
        return reason;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    @Nullable
    String serviceMessage() {
        return serviceMessage;
    }

    boolean passing() {
        return passing;
    }
}
