package vn.congvan.signing.document;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The first step of a two-step signature: the signer signs {@code dataToSign} (base64, the DER of
 * the CMS signed attributes, not a digest) with their key as {@code SHA256withRSA} or
 * {@code SHA256withECDSA}, and sends the value back to the session before {@code expiresAt}.
 */
public record PreparedSignature(UUID sessionId, String digestAlgorithm, String dataToSign, OffsetDateTime expiresAt) {}
