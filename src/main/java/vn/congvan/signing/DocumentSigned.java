package vn.congvan.signing;

import java.time.Instant;
import java.util.UUID;

/** A file of a document was signed; its signed PDF is the file's new version {@code version}. */
public record DocumentSigned(
        UUID documentId,
        UUID fileId,
        int version,
        SignatureKind kind,
        UUID unitId,
        UUID signedBy,
        String certificateSerial,
        Instant signingTime) {}
