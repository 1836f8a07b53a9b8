package vn.congvan.signing.document;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.congvan.signing.SignatureKind;

/** A file just signed: its new version, and who signed it with which certificate, when, in which appearance. */
public record SignedFile(
        UUID documentId,
        UUID fileId,
        int version,
        String sha256,
        SignatureKind kind,
        Appearance appearance,
        String signerName,
        String certificateSerial,
        OffsetDateTime signingTime) {

    /** The appearance Decree 30 gives the signature. */
    public enum Appearance {
        PERSONAL,
        SEAL,
        ATTACHMENT,
        COPY
    }
}
