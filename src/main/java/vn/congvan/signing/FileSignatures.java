package vn.congvan.signing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The kept verdict on the signatures of one PDF file of a document, in its current content
 * ({@code sha256}), with when it was validated and what was found on each signature.
 */
public record FileSignatures(
        UUID fileId,
        String fileName,
        String role,
        String sha256,
        SignatureVerdict verdict,
        int signatureCount,
        Instant validatedAt,
        List<SignatureCheck> signatures) {

    public FileSignatures {
        signatures = List.copyOf(signatures);
    }
}
