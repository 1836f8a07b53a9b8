package vn.congvan.signing.web;

import org.jspecify.annotations.Nullable;

/** The body of {@code completeSignature}: the signature value over the prepared data, base64. */
record CompleteBody(@Nullable String signatureValue) {}
