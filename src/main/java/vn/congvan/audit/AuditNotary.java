package vn.congvan.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Someone outside the database who vouches for the head of the audit chain at a time: an RFC 3161
 * time-stamping authority. Implemented by the signing module, which knows the configured service.
 */
public interface AuditNotary {

    /** A DER time-stamp token over the SHA-256 digest, or empty when no service is configured. */
    Optional<byte[]> timeStamp(byte[] sha256);

    /** The time the token vouches for, if it is a validly signed token over exactly this digest. */
    Optional<Instant> check(byte[] token, byte[] sha256);
}
