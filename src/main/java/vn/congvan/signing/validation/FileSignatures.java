package vn.congvan.signing.validation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.congvan.signing.SignatureCheck;
import vn.congvan.signing.SignatureVerdict;

/**
 * The kept verdict on the signatures of one PDF file of a document, in its current content
 * ({@code sha256}), with when it was validated, against which trust list (the fingerprint of the
 * trust anchors then in force), whether a signature was found no longer what was signed
 * ({@code altered}, whoever signed), and what was found on each signature.
 */
public record FileSignatures(
        UUID fileId,
        String fileName,
        String role,
        String sha256,
        SignatureVerdict verdict,
        int signatureCount,
        Instant validatedAt,
        String trustList,
        boolean altered,
        List<SignatureCheck> signatures) {

    public FileSignatures {
        signatures = List.copyOf(signatures);
    }
}
