package vn.congvan.storage.upload;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.storage.SafeFileName;

/**
 * The tus 1.0 protocol over {@code /api/v1/uploads}: core, creation, creation-with-upload,
 * termination, checksum ({@code sha256}) and expiration, for signed-in officials (session or bearer
 * token), each upload visible to its owner only.
 */
@RestController
@RequestMapping("/api/v1/uploads")
class UploadApi {

    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][\\w.+-]*/[A-Za-z0-9][\\w.+-]*");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Uploads uploads;
    private final UploadProperties settings;

    UploadApi(Uploads uploads, UploadProperties settings) {
        this.uploads = uploads;
        this.settings = settings;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    @Operation(operationId = "describeFileUploads", summary = "What the server's tus supports (tus discovery)")
    ResponseEntity<Void> describeFileUploads() {
        return ResponseEntity.noContent()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,creation-with-upload,termination,checksum,expiration")
                .header("Tus-Max-Size", Long.toString(settings.maxFileSize().toBytes()))
                .header("Tus-Checksum-Algorithm", "sha256")
                .build();
    }

    @PostMapping
    @Operation(
            operationId = "createFileUpload",
            summary = "Open a resumable upload (tus creation), optionally with its first bytes")
    ResponseEntity<Void> createFileUpload(
            @RequestHeader(name = "Tus-Resumable", required = false) @Nullable String tus,
            @RequestHeader(name = "Upload-Length", required = false) @Nullable String length,
            @RequestHeader(name = "Upload-Metadata", required = false) @Nullable String metadata,
            @RequestHeader(name = "Upload-Checksum", required = false) @Nullable String checksum,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            HttpServletRequest request,
            @AuthenticationPrincipal Official official)
            throws IOException {
        requireTus(tus);
        Map<String, String> described = metadata(metadata);
        @Nullable String fileName = described.get("filename");
        FileUpload upload = uploads.create(
                official,
                number(length, "storage.upload.length"),
                fileName == null ? null : SafeFileName.ofUpload(fileName).value(),
                mediaType(described.get("filetype")),
                unit(described.get("unitid")));
        if (OFFSET_OCTET_STREAM.equals(contentType)) {
            upload = uploads.append(official, upload.id(), 0, checksum(checksum), request.getInputStream());
        }
        return ResponseEntity.created(URI.create("/api/v1/uploads/" + upload.id()))
                .headers(progress(upload))
                .build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    @Operation(operationId = "getFileUploadOffset", summary = "How many bytes of the upload the server holds")
    ResponseEntity<Void> getFileUploadOffset(
            @PathVariable UUID id,
            @RequestHeader(name = "Tus-Resumable", required = false) @Nullable String tus,
            @AuthenticationPrincipal Official official) {
        FileUpload upload = uploads.uploadOf(official, id);
        requireTus(tus);
        return ResponseEntity.ok()
                .headers(progress(upload))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @PatchMapping(path = "/{id}")
    @Operation(operationId = "resumeFileUpload", summary = "Append bytes at the upload's offset (tus core)")
    ResponseEntity<Void> resumeFileUpload(
            @PathVariable UUID id,
            @RequestHeader(name = "Tus-Resumable", required = false) @Nullable String tus,
            @RequestHeader(name = "Upload-Offset", required = false) @Nullable String offset,
            @RequestHeader(name = "Upload-Checksum", required = false) @Nullable String checksum,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            HttpServletRequest request,
            @AuthenticationPrincipal Official official)
            throws IOException {
        // Whose upload it is comes first: another official learns nothing of it, not even a protocol error.
        uploads.uploadOf(official, id);
        requireTus(tus);
        if (!OFFSET_OCTET_STREAM.equals(contentType)) {
            throw new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "storage.upload.content-type");
        }
        FileUpload upload = uploads.append(
                official,
                id,
                number(offset, "storage.upload.offset-missing"),
                checksum(checksum),
                request.getInputStream());
        return ResponseEntity.noContent().headers(progress(upload)).build();
    }

    /**
     * A PATCH sent as a POST with {@code X-HTTP-Method-Override: PATCH}, as tus allows for clients
     * whose HTTP library knows no PATCH (Java's own, which the official Java client uses).
     */
    @PostMapping(path = "/{id}", headers = "X-HTTP-Method-Override=PATCH")
    @Operation(hidden = true)
    ResponseEntity<Void> resumeFileUploadByPost(
            @PathVariable UUID id,
            @RequestHeader(name = "Tus-Resumable", required = false) @Nullable String tus,
            @RequestHeader(name = "Upload-Offset", required = false) @Nullable String offset,
            @RequestHeader(name = "Upload-Checksum", required = false) @Nullable String checksum,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            HttpServletRequest request,
            @AuthenticationPrincipal Official official)
            throws IOException {
        return resumeFileUpload(id, tus, offset, checksum, contentType, request, official);
    }

    @DeleteMapping(path = "/{id}")
    @Operation(operationId = "cancelFileUpload", summary = "Cancel an unfinished upload and drop its bytes")
    ResponseEntity<Void> cancelFileUpload(
            @PathVariable UUID id,
            @RequestHeader(name = "Tus-Resumable", required = false) @Nullable String tus,
            @AuthenticationPrincipal Official official) {
        uploads.uploadOf(official, id);
        requireTus(tus);
        uploads.cancel(official, id);
        return ResponseEntity.noContent().header("Tus-Resumable", TUS_VERSION).build();
    }

    private static HttpHeaders progress(FileUpload upload) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Tus-Resumable", TUS_VERSION);
        headers.set("Upload-Offset", Long.toString(upload.offset()));
        headers.set("Upload-Length", Long.toString(upload.length()));
        if (!upload.complete()) {
            headers.set("Upload-Expires", HTTP_DATE.format(upload.expiresAt()));
        }
        return headers;
    }

    private static void requireTus(@Nullable String tus) {
        if (!TUS_VERSION.equals(tus)) {
            throw new DomainException(HttpStatus.PRECONDITION_FAILED, "storage.upload.tus-version", TUS_VERSION);
        }
    }

    private static long number(@Nullable String header, String refusal) {
        if (header == null || !header.matches("[0-9]{1,19}")) {
            throw DomainException.invalid(refusal);
        }
        try {
            return Long.parseLong(header);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(refusal);
        }
    }

    /** The unit the upload counts against, as its metadata names it ({@code unitid}); none: the owner's first. */
    private static @Nullable UUID unit(@Nullable String unitId) {
        if (unitId == null || unitId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(unitId.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("storage.upload.metadata");
        }
    }

    /** The type the client says the file has (only kept: what is served is read from the bytes). */
    private static @Nullable String mediaType(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        if (type.length() > 255 || !MEDIA_TYPE.matcher(type).matches()) {
            throw DomainException.invalid("storage.upload.metadata");
        }
        return type;
    }

    /** {@code Upload-Metadata}: comma-separated pairs of a key and its value in Base64. */
    static Map<String, String> metadata(@Nullable String header) {
        Map<String, String> pairs = new HashMap<>();
        if (header == null || header.isBlank()) {
            return pairs;
        }
        for (String pair : header.split(",", 32)) {
            String[] parts = pair.strip().split(" ", 2);
            if (parts[0].isEmpty()) {
                throw DomainException.invalid("storage.upload.metadata");
            }
            try {
                pairs.put(
                        parts[0],
                        parts.length == 2
                                ? new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8)
                                : "");
            } catch (IllegalArgumentException notBase64) {
                throw DomainException.invalid("storage.upload.metadata");
            }
        }
        return pairs;
    }

    private static Uploads.@Nullable Checksum checksum(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.strip().split(" ", 2);
        if (parts.length != 2) {
            throw DomainException.invalid("storage.upload.checksum-header");
        }
        try {
            return new Uploads.Checksum(parts[0], Base64.getDecoder().decode(parts[1].strip()));
        } catch (IllegalArgumentException notBase64) {
            throw DomainException.invalid("storage.upload.checksum-header");
        }
    }
}
