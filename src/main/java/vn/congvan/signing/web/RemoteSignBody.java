package vn.congvan.signing.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.signing.SignatureKind;

/**
 * The body of {@code startRemoteSignature}: as for {@code signDocument}, and the credential at the
 * remote signing service when the signer registered several.
 */
record RemoteSignBody(
        @Nullable SignatureKind kind,
        @Nullable UUID fileId,
        @Nullable Integer page,
        @Nullable Float x,
        @Nullable Float y,
        @Nullable String marker,
        @Nullable String credentialID) {}
