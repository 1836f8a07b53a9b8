package vn.congvan.signing.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What the upload handler answers the plug-in, in the plug-in's field names: {@code Status} 0 when
 * the signed PDF was kept (else the HTTP status of the refusal), a localized {@code Message}, the
 * kept version's address in {@code FileServer}, and the refusal's message key in {@code Code}.
 */
record PluginAnswer(
        @JsonProperty("Status") int status,
        @JsonProperty("Message") String message,
        @JsonProperty("FileServer") String fileServer,
        @JsonProperty("Version") @Nullable Integer version,
        @JsonProperty("Code") @Nullable String code) {}
