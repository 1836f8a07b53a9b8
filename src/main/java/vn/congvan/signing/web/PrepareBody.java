package vn.congvan.signing.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.signing.SignatureKind;

/**
 * The body of {@code prepareSignature}: the kind of signature, the signer's {@code certificate} and
 * its {@code chain} up to the root (base64 DER), the file (the main one when absent), and where a
 * personal signature goes, as for {@code signDocument}.
 */
record PrepareBody(
        @Nullable SignatureKind kind,
        @Nullable String certificate,
        @Nullable List<String> chain,
        @Nullable UUID fileId,
        @Nullable Integer page,
        @Nullable Float x,
        @Nullable Float y,
        @Nullable String marker) {}
