package vn.congvan.exchange.hub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.congvan.exchange.axis.AxisPackageKind;
import vn.congvan.exchange.axis.AxisSignature;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * The hub's operations for the systems it serves (docs/axis-protocol.md), every request signed
 * (see {@link AxisAuthentication}); an installation that is no hub answers each with a 404.
 */
@RestController
@RequestMapping("/api/v1/axis")
@Tag(name = "axis")
class HubApi {

    static final String TUS_RESUMABLE = "Tus-Resumable";
    static final String TUS_VERSION = "1.0.0";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private final HubProperties hub;
    private final HubEdocs edocs;
    private final HubUploads uploads;
    private final HubAgencies agencies;
    private final Blobs blobs;

    HubApi(HubProperties hub, HubEdocs edocs, HubUploads uploads, HubAgencies agencies, Blobs blobs) {
        this.hub = hub;
        this.edocs = edocs;
        this.uploads = uploads;
        this.agencies = agencies;
        this.blobs = blobs;
    }

    /** An acknowledgement of a received package. */
    record StatusUpdate(@Nullable String status, @Nullable String reason) {}

    @PostMapping("/edocs")
    @Operation(
            operationId = "sendEdoc",
            summary = "Sends an edXML package (the body, or a finished upload named by "
                    + "X-Axis-Upload), routed by its To organs or its ResponseFor; idempotent by Idempotency-Key")
    ResponseEntity<HubEdocs.SentEdoc> sendEdoc(
            HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "X-Axis-Upload", required = false) @Nullable String uploadId) {
        String system = system(request);
        SpooledBody body = SpooledBody.of(request);
        HubEdocs.Content content;
        if (uploadId != null && !uploadId.isBlank()) {
            if (body.size() > 0) {
                throw DomainException.invalid("exchange.hub.upload-with-body");
            }
            StoredBlob uploaded = uploads.finished(system, uploadId.strip());
            content = new HubEdocs.Content() {
                @Override
                public InputStream open() {
                    return blobs.open(uploaded.sha256());
                }

                @Override
                public String sha256() {
                    return uploaded.sha256();
                }

                @Override
                public StoredBlob store() {
                    return uploaded;
                }
            };
        } else {
            content = new HubEdocs.Content() {
                @Override
                public InputStream open() throws IOException {
                    return body.open();
                }

                @Override
                public String sha256() {
                    return body.sha256();
                }

                @Override
                public StoredBlob store() {
                    try (InputStream in = body.open()) {
                        return blobs.store(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
        HubEdocs.Accepted accepted = edocs.accept(system, idempotencyKey, content);
        return ResponseEntity.status(accepted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(accepted.edoc());
    }

    @PostMapping("/uploads")
    @Operation(operationId = "createUpload", summary = "Starts a resumable upload of a large package (tus 1.0 core)")
    ResponseEntity<Void> createUpload(
            HttpServletRequest request,
            @RequestHeader(name = UPLOAD_LENGTH, required = false) @Nullable String length) {
        String system = system(request);
        checkTusVersion(request);
        UUID id = uploads.create(system, parseLength(length, "exchange.hub.upload-length"));
        return ResponseEntity.created(URI.create("/api/v1/axis/uploads/" + id))
                .header(TUS_RESUMABLE, TUS_VERSION)
                .build();
    }

    @RequestMapping(path = "/uploads/{id}", method = RequestMethod.HEAD)
    @Operation(operationId = "getUploadOffset", summary = "How many bytes of a resumable upload the hub holds")
    ResponseEntity<Void> getUploadOffset(HttpServletRequest request, @PathVariable String id) {
        HubUploads.Progress progress = uploads.progress(system(request), id);
        return ResponseEntity.ok()
                .header(TUS_RESUMABLE, TUS_VERSION)
                .header(UPLOAD_OFFSET, String.valueOf(progress.offset()))
                .header(UPLOAD_LENGTH, String.valueOf(progress.length()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @PatchMapping(path = "/uploads/{id}")
    @Operation(
            operationId = "resumeUpload",
            summary = "Appends bytes to a resumable upload at its current offset (application/offset+octet-stream)")
    ResponseEntity<Void> resumeUpload(
            HttpServletRequest request,
            @PathVariable String id,
            @RequestHeader(name = UPLOAD_OFFSET, required = false) @Nullable String offset) {
        String system = system(request);
        checkTusVersion(request);
        String type = request.getContentType();
        if (type == null
                || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.parseMediaType(OFFSET_OCTET_STREAM))) {
            throw new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "exchange.hub.upload-content-type");
        }
        long reached = uploads.append(
                system, id, parseLength(offset, "exchange.hub.upload-offset-missing"), SpooledBody.of(request));
        return ResponseEntity.noContent()
                .header(TUS_RESUMABLE, TUS_VERSION)
                .header(UPLOAD_OFFSET, String.valueOf(reached))
                .build();
    }

    @GetMapping("/edocs/received")
    @Operation(
            operationId = "getReceivedEdocList",
            summary = "Packages for the caller's agencies not acknowledged yet, the oldest first")
    List<HubEdocs.Waiting> getReceivedEdocList(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable AxisPackageKind kind,
            @RequestParam(defaultValue = "100") int limit) {
        return edocs.waiting(system(request), kind, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/edocs/{id}")
    @Operation(
            operationId = "getEdoc",
            summary = "The bytes of a package, for a recipient or its sender (Range honoured)")
    ResponseEntity<StreamingResponseBody> getEdoc(
            HttpServletRequest request,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
        HubEdocs.Stored stored = edocs.fetch(system(request), id);
        ByteRange bytes = ByteRange.of(range, stored.size());
        String sha256 = stored.sha256();
        StreamingResponseBody body = out -> {
            try (InputStream in = blobs.open(sha256)) {
                in.skipNBytes(bytes.start());
                byte[] buffer = new byte[64 * 1024];
                long left = bytes.length();
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException("The package " + sha256 + " is shorter than recorded");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        };
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(
                        bytes.partial() ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
                .contentType(MediaType.APPLICATION_XML)
                .contentLength(bytes.length())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(AxisSignature.CONTENT_SHA256, sha256)
                // A sender's bytes, meant for a machine: never a page of the hub's origin.
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", vn.congvan.storage.Download.SANDBOX);
        if (bytes.partial()) {
            answer.header(HttpHeaders.CONTENT_RANGE, bytes.contentRange());
        }
        return answer.body(body);
    }

    @PostMapping("/edocs/{id}/status")
    @Operation(
            operationId = "updateStatus",
            summary = "Acknowledges the caller's receipt of a package, done or fail with the reason; idempotent")
    ResponseEntity<Void> updateStatus(
            HttpServletRequest request, @PathVariable String id, @RequestBody StatusUpdate update) {
        String system = system(request);
        boolean done = "done".equals(update.status());
        if (!done && !"fail".equals(update.status())) {
            throw DomainException.invalid("exchange.hub.status-invalid", String.valueOf(update.status()));
        }
        edocs.acknowledge(system, id, done, update.reason());
        return ResponseEntity.ok().build();
    }

    @GetMapping("/edocs/sent")
    @Operation(
            operationId = "getSentEdocList",
            summary = "Packages the caller sent since an instant, with each recipient's state and last status code")
    List<HubEdocs.Sent> getSentEdocList(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(defaultValue = "1000") int limit) {
        String system = system(request);
        Instant from;
        try {
            from = since == null || since.isBlank() ? Instant.EPOCH : Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("exchange.hub.since-invalid", since);
        }
        return edocs.sent(system, from, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/agencies")
    @Operation(
            operationId = "getAgenciesList",
            summary = "The hub's directory of agencies and the systems serving them")
    List<HubAgencies.Agency> getAgenciesList(HttpServletRequest request) {
        system(request);
        return agencies.list();
    }

    @PutMapping("/agencies")
    @Operation(
            operationId = "publishAgencies",
            summary = "Declares the agencies the caller serves; an agency another system serves is refused")
    ResponseEntity<Void> publishAgencies(HttpServletRequest request, @RequestBody List<HubAgencies.Declared> declared) {
        agencies.publish(system(request), declared);
        return ResponseEntity.noContent().build();
    }

    /** The authenticated caller; refused first when this installation is no hub. */
    private String system(HttpServletRequest request) {
        hub.requireHub();
        Object system = request.getAttribute(AxisAuthentication.SYSTEM_ATTRIBUTE);
        if (!(system instanceof String id)) {
            throw new IllegalStateException("An axis request reached its handler without the axis authentication");
        }
        return id;
    }

    private static void checkTusVersion(HttpServletRequest request) {
        String version = request.getHeader(TUS_RESUMABLE);
        if (version != null && !version.strip().equals(TUS_VERSION)) {
            throw new DomainException(HttpStatus.PRECONDITION_FAILED, "exchange.hub.tus-version", version);
        }
    }

    private static long parseLength(@Nullable String value, String code) {
        try {
            long parsed = value == null ? -1 : Long.parseLong(value.strip());
            if (parsed < 0) {
                throw DomainException.invalid(code);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw DomainException.invalid(code);
        }
    }
}
