package vn.congvan.signing.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.signing.SignatureKind;

/**
 * The body of {@code signDocument}: the kind of signature, the file (the main one when absent), and
 * where a personal signature goes: {@code page}, {@code x}, {@code y} in points from the page's
 * top-left corner, or the {@code marker} text to cover.
 */
record SignBody(
        @Nullable SignatureKind kind,
        @Nullable UUID fileId,
        @Nullable Integer page,
        @Nullable Float x,
        @Nullable Float y,
        @Nullable String marker) {}
