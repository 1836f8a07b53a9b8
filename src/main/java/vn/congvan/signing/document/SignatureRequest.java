package vn.congvan.signing.document;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.signing.SignatureKind;

/**
 * A request to sign a document's file with the caller's own key (personal) or the unit's
 * (organization). Without {@code fileId} the main file is signed. A personal signature goes to
 * {@code page}/{@code x}/{@code y} (points from the page's top-left corner) when given, else over
 * the {@code marker} text, else just above the signer's name in the signature block.
 */
public record SignatureRequest(
        UUID documentId,
        SignatureKind kind,
        @Nullable UUID fileId,
        @Nullable Integer page,
        @Nullable Float x,
        @Nullable Float y,
        @Nullable String marker) {}
