package vn.congvan.signing.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A key pair in the HSM to enrol: its alias, its certificate (base64 DER or PEM) and chain, the person it signs for. */
record HsmCertificateBody(
        @Nullable String keyAlias,
        @Nullable String certificate,
        @Nullable List<String> chain,
        @Nullable UUID personId) {}
