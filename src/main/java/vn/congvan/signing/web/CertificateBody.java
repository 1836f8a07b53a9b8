package vn.congvan.signing.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.signing.keys.KeyMedium;

/** A certificate to register: base64 DER or PEM, its chain, where the key lives, a remote credential id. */
record CertificateBody(
        @Nullable String certificate,
        @Nullable List<String> chain,
        @Nullable KeyMedium medium,
        @Nullable String remoteCredential,
        @Nullable UUID unitId) {}
