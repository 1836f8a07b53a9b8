package vn.congvan.signing.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.document.PluginFile;
import vn.congvan.signing.document.PluginSigning;
import vn.congvan.signing.document.SignedFile;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.Download;

/**
 * The two addresses the desktop signing plug-in calls without a user's sign-in: the one-time
 * download of the PDF to sign, and the upload handler taking the signed PDF back with the session's
 * upload token. The handler answers in the plug-in's JSON, always with HTTP 200 as the plug-ins'
 * upload handlers do, so that the plug-in shows the localized reason of a refusal.
 */
@RestController
class PluginEndpoints {

    private final PluginSigning signing;
    private final Blobs blobs;
    private final MessageSource messages;

    PluginEndpoints(PluginSigning signing, Blobs blobs, MessageSource messages) {
        this.signing = signing;
        this.blobs = blobs;
        this.messages = messages;
    }

    @GetMapping(PluginSigning.DOWNLOAD_PATH + "{token}")
    ResponseEntity<InputStreamResource> download(@PathVariable String token) {
        PluginFile file = signing.download(token);
        Download.Sniffed content = Download.Sniffed.of(blobs.open(file.sha256()));
        return Download.storedFile(file.fileName(), content.kind(), false)
                .contentLength(file.size())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new InputStreamResource(content.content()));
    }

    @PostMapping(path = PluginSigning.UPLOAD_PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PluginAnswer upload(
            @RequestPart(name = "uploadfile", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "SessionId", required = false) @Nullable String sessionId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Locale locale = LocaleContextHolder.getLocale();
        Path copy = null;
        try {
            String token = uploadToken(sessionId, authorization);
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("signing.plugin.file-required");
            }
            signing.requireAcceptable(token, file.getSize());
            copy = Files.createTempFile("congvan-plugin-", ".pdf");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            SignedFile signed = signing.accept(token, copy, file.getSize(), locale);
            String address = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/api/v1/documents/{id}/files/{fileId}")
                    .buildAndExpand(signed.documentId(), signed.fileId())
                    .toUriString();
            return new PluginAnswer(
                    0,
                    messages.getMessage("signing.plugin.accepted", new Object[] {signed.version()}, locale),
                    address,
                    signed.version(),
                    null);
        } catch (DomainException e) {
            return new PluginAnswer(
                    e.status().value(),
                    Objects.requireNonNull(
                            messages.getMessage(e.code(), e.args(), e.code(), locale), "a default message is given"),
                    "",
                    null,
                    e.code());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    /** The session's upload token: the {@code SessionId} form field, else the bearer token. */
    private static String uploadToken(@Nullable String sessionId, @Nullable String authorization) {
        if (sessionId != null && !sessionId.isBlank()) {
            return sessionId.strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        throw DomainException.forbidden(SigningRefusals.PLUGIN_SESSION_UNKNOWN);
    }
}
