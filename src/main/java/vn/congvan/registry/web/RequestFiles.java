package vn.congvan.registry.web;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.registry.document.UploadedFile;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;
import vn.congvan.shared.Official;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.FinishedUploads;
import vn.congvan.storage.FinishedUploads.FinishedUpload;

/**
 * The files of a request that registers a document: the parts sent with it, or files the official
 * finished uploading before (tus), named in its {@code metadata} by {@code fileUploadId} and
 * {@code attachmentUploadIds}. An upload is used where it lies: nothing is copied.
 */
@Component
class RequestFiles {

    /** Attachments one request may name, parts and uploads together. */
    static final int MAX_ATTACHMENTS = 200;

    /** The upload ids a request's metadata may carry in place of its file parts. */
    record UploadIds(
            @Nullable UUID fileUploadId,

            @Size(max = MAX_ATTACHMENTS, message = "validation.too-many") @Nullable
            List<@Nullable UUID> attachmentUploadIds) {

        static final UploadIds NONE = new UploadIds(null, null);
    }

    /** The main file and the attachments of a request. */
    record Files(@Nullable UploadedFile main, List<UploadedFile> attachments) {}

    private final FinishedUploads uploads;
    private final Blobs blobs;
    private final JsonMapper json;
    private final MetadataPart metadata;

    RequestFiles(FinishedUploads uploads, Blobs blobs, JsonMapper json, MetadataPart metadata) {
        this.uploads = uploads;
        this.blobs = blobs;
        this.json = json;
        this.metadata = metadata;
    }

    /**
     * The request's files: its main file is the {@code file} part or the upload {@code fileUploadId}
     * (one of them, required when {@code mainRequired}); its attachments the {@code attachments}
     * parts, then the uploads {@code attachmentUploadIds}.
     */
    Files of(
            Official official,
            byte[] metadataJson,
            @Nullable MultipartFile file,
            @Nullable List<MultipartFile> attachmentParts,
            boolean mainRequired) {
        return of(official, idsIn(metadataJson), file, attachmentParts, mainRequired);
    }

    /** The same for a page's form, whose upload ids come as fields of their own. */
    Files of(
            Official official,
            UploadIds ids,
            @Nullable MultipartFile file,
            @Nullable List<MultipartFile> attachmentParts,
            boolean mainRequired) {
        @Nullable
        MultipartFile part = file != null && !(file.isEmpty() && blank(file.getOriginalFilename())) ? file : null;
        boolean filePart = part != null;
        List<FieldProblem> problems = new ArrayList<>();
        if (filePart && ids.fileUploadId() != null) {
            problems.add(new FieldProblem("fileUploadId", "registry.file.twice"));
        } else if (!filePart && ids.fileUploadId() == null && mainRequired) {
            problems.add(new FieldProblem("file", "validation.required"));
        }
        List<UploadedFile> attachments = new ArrayList<>(RegistrationPages.attachments(attachmentParts));
        List<@Nullable UUID> attachmentIds = ids.attachmentUploadIds() == null ? List.of() : ids.attachmentUploadIds();
        if (attachments.size() + attachmentIds.size() > MAX_ATTACHMENTS) {
            problems.add(new FieldProblem("attachmentUploadIds", "validation.too-many", MAX_ATTACHMENTS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        @Nullable UploadedFile main = null;
        if (part != null) {
            main = UploadedFile.of(part);
        } else if (ids.fileUploadId() != null) {
            main = uploaded(official, ids.fileUploadId(), "fileUploadId", problems);
        }
        for (int i = 0; i < attachmentIds.size(); i++) {
            UUID id = attachmentIds.get(i);
            String field = "attachmentUploadIds[" + i + "]";
            if (id == null) {
                problems.add(new FieldProblem(field, "validation.required"));
                continue;
            }
            UploadedFile attachment = uploaded(official, id, field, problems);
            if (attachment != null) {
                attachments.add(attachment);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new Files(main, List.copyOf(attachments));
    }

    /** The finished uploads a form named, with their names, to be sent again when it comes back with a problem. */
    List<KeptUpload> kept(Official official, UploadIds ids) {
        List<KeptUpload> kept = new ArrayList<>();
        if (ids.fileUploadId() != null) {
            keep(official, "fileUploadId", ids.fileUploadId(), kept);
        }
        if (ids.attachmentUploadIds() != null) {
            ids.attachmentUploadIds().forEach(id -> keep(official, "attachmentUploadIds", id, kept));
        }
        return kept;
    }

    /** A finished upload a form named: its field, id and file name. */
    record KeptUpload(String field, UUID id, String fileName) {}

    private void keep(Official official, String field, @Nullable UUID id, List<KeptUpload> kept) {
        if (id == null) {
            return;
        }
        try {
            FinishedUpload upload = uploads.of(official, id);
            kept.add(new KeptUpload(field, id, String.valueOf(upload.fileName())));
        } catch (DomainException gone) {
            // Not the official's, unfinished or expired: the form asks for the file again.
        }
    }

    /** The upload ids in a metadata part; none when it cannot be read (the metadata's own reader says why). */
    UploadIds idsIn(byte[] metadataJson) {
        UploadIds ids;
        try {
            ids = json.readValue(metadataJson, UploadIds.class);
        } catch (JacksonException e) {
            return UploadIds.NONE;
        }
        if (ids == null) {
            return UploadIds.NONE;
        }
        metadata.check(ids);
        return ids;
    }

    private @Nullable UploadedFile uploaded(Official official, UUID id, String field, List<FieldProblem> problems) {
        FinishedUpload upload;
        try {
            upload = uploads.of(official, id);
        } catch (DomainException e) {
            problems.add(new FieldProblem(field, e.code(), e.args()));
            return null;
        }
        String sha256 = upload.sha256();
        return new UploadedFile(
                upload.fileName(), upload.contentType(), upload.size(), () -> blobs.open(sha256), sha256);
    }

    private static boolean blank(@Nullable String name) {
        return name == null || name.isEmpty();
    }
}
