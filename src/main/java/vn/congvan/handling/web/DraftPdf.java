package vn.congvan.handling.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;
import vn.congvan.shared.Official;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.FinishedUploads;
import vn.congvan.storage.FinishedUploads.FinishedUpload;

/**
 * The PDF a draft request brings: its {@code file} part, or a file the official finished uploading
 * before (tus), named by {@code fileUploadId} in its {@code metadata} part. One of them, not both.
 */
@Component
class DraftPdf {

    /** What a draft request reads the PDF with. */
    interface Reader<T> {
        T read(String fileName, InputStream pdf);
    }

    /** The upload a draft request's metadata may name in place of its file part. */
    record UploadId(@Nullable UUID fileUploadId) {}

    private final FinishedUploads uploads;
    private final Blobs blobs;
    private final JsonMapper json;

    DraftPdf(FinishedUploads uploads, Blobs blobs, JsonMapper json) {
        this.uploads = uploads;
        this.blobs = blobs;
        this.json = json;
    }

    <T> T read(Official official, byte @Nullable [] metadataJson, @Nullable MultipartFile file, Reader<T> reader) {
        return read(official, uploadIdIn(metadataJson), file, reader);
    }

    /** The same for a page's form, whose upload id comes as a field of its own. */
    <T> T read(Official official, @Nullable UUID uploadId, @Nullable MultipartFile file, Reader<T> reader) {
        @Nullable MultipartFile part = file != null && !file.isEmpty() ? file : null;
        if (part != null && uploadId != null) {
            throw new InvalidFieldsException(List.of(new FieldProblem("fileUploadId", "registry.file.twice")));
        }
        try {
            if (part != null) {
                try (InputStream in = part.getInputStream()) {
                    return reader.read(String.valueOf(part.getOriginalFilename()), in);
                }
            }
            if (uploadId == null) {
                throw new InvalidFieldsException(List.of(new FieldProblem("file", "validation.required")));
            }
            FinishedUpload upload = finished(official, uploadId);
            try (InputStream in = blobs.open(upload.sha256())) {
                return reader.read(String.valueOf(upload.fileName()), in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of the official's finished upload, kept for a form sent again; none when it is not theirs or not finished. */
    @Nullable
    String nameOf(Official official, UUID uploadId) {
        try {
            return String.valueOf(uploads.of(official, uploadId).fileName());
        } catch (DomainException e) {
            return null;
        }
    }

    private FinishedUpload finished(Official official, UUID id) {
        try {
            return uploads.of(official, id);
        } catch (DomainException e) {
            throw new InvalidFieldsException(List.of(new FieldProblem("fileUploadId", e.code(), e.args())));
        }
    }

    private @Nullable UUID uploadIdIn(byte @Nullable [] metadataJson) {
        if (metadataJson == null) {
            return null;
        }
        try {
            UploadId id = json.readValue(metadataJson, UploadId.class);
            return id == null ? null : id.fileUploadId();
        } catch (JacksonException e) {
            throw DomainException.invalid(vn.congvan.registry.RegistryRefusals.METADATA_UNREADABLE);
        }
    }
}
