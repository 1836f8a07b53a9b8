package vn.congvan.signing;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What validation found about one signature of a PDF: who signed (the certificate's CN and O),
 * with which certificate, when (the time the signer claims, and the time a time-stamping authority
 * attests, in Vietnam time), at which PAdES level, the verdict, and its reason as a message key with
 * its text in the reader's language; and a note on the times when they disagree. Integrity (is the PDF
 * what was signed?) is told apart from the signer's certificate (is the signer's authority trusted,
 * was the certificate valid and not revoked?), so that a forgery is reported as such whoever signed.
 */
public record SignatureCheck(
        String id,
        @Nullable String fieldName,
        @Nullable String signerName,
        @Nullable String unit,
        @Nullable String certificateSerial,
        @Nullable String certificateSha256,
        @Nullable OffsetDateTime signingTime,
        @Nullable String level,
        SignatureResult result,
        String reasonCode,
        String reason,
        boolean coversWholeDocument,
        @Nullable OffsetDateTime timestampTime,
        @Nullable String note,
        SignatureIntegrity integrity,
        @Nullable String certificateReasonCode,
        @Nullable String certificateReason,
        @Nullable OffsetDateTime certificateValidUntil) {

    /** A signature without a time-stamp. */
    public SignatureCheck(
            String id,
            @Nullable String fieldName,
            @Nullable String signerName,
            @Nullable String unit,
            @Nullable String certificateSerial,
            @Nullable String certificateSha256,
            @Nullable OffsetDateTime signingTime,
            @Nullable String level,
            SignatureResult result,
            String reasonCode,
            String reason,
            boolean coversWholeDocument) {
        this(
                id,
                fieldName,
                signerName,
                unit,
                certificateSerial,
                certificateSha256,
                signingTime,
                level,
                result,
                reasonCode,
                reason,
                coversWholeDocument,
                null,
                null,
                SignatureIntegrity.INTACT,
                null,
                null,
                null);
    }

    public boolean timestamped() {
        return timestampTime != null;
    }

    public boolean valid() {
        return result == SignatureResult.TOTAL_PASSED;
    }
}
