package vn.congvan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.IncomingMetadata;
import vn.congvan.registry.OutgoingMetadata;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.registry.document.DocumentGrants;
import vn.congvan.registry.document.DocumentRegistration;
import vn.congvan.registry.search.DocumentSearch;
import vn.congvan.registry.search.SearchQuery;
import vn.congvan.registry.search.SearchResult;
import vn.congvan.shared.Official;

/** The documents API: register, read, download, search. */
@RestController
@Tag(name = "documents")
class DocumentApi {

    private final DocumentRegistration registration;
    private final DocumentAccess access;
    private final DocumentSearch search;
    private final MetadataPart metadata;
    private final FileDownloads downloads;
    private final DocumentGrants grants;
    private final RequestFiles requestFiles;

    DocumentApi(
            DocumentRegistration registration,
            DocumentAccess access,
            DocumentSearch search,
            MetadataPart metadata,
            FileDownloads downloads,
            DocumentGrants grants,
            RequestFiles requestFiles) {
        this.grants = grants;
        this.requestFiles = requestFiles;
        this.registration = registration;
        this.access = access;
        this.search = search;
        this.metadata = metadata;
        this.downloads = downloads;
    }

    @PostMapping(path = "/api/v1/documents/incoming", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            operationId = "registerIncomingDocument",
            summary =
                    "Register an incoming document: metadata (JSON), file (main PDF), attachments; or fileUploadId and"
                            + " attachmentUploadIds in the metadata, naming finished uploads",
            description = "The metadata may name presentTo, the id of a leader or deputy leader of the unit: the"
                    + " document is then presented to them (trình) in the registration's own transaction, as"
                    + " presentIncomingDocument would. Anyone else (400, field presentTo,"
                    + " handling.present.not-a-leader) and a secret document (400, registry.present.secret: its"
                    + " leader must first be allowed to read it) are refused before anything is registered.")
    ResponseEntity<DocumentView> registerIncomingDocument(
            @RequestPart("metadata") byte[] metadataJson,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestPart(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @AuthenticationPrincipal Official official) {
        IncomingMetadata m = metadata.read(metadataJson, IncomingMetadata.class);
        if (idempotencyKey != null && m.submissionKey() == null) {
            m = withKey(m, idempotencyKey);
        }
        RequestFiles.Files files = requestFiles.of(official, metadataJson, file, attachments, true);
        DocumentView registered = registration.registerIncoming(
                m,
                Objects.requireNonNull(files.main()),
                files.attachments(),
                official,
                idempotencyKey == null ? null : RequestDigest.of(metadataJson, file, attachments));
        return ResponseEntity.status(HttpStatus.CREATED).body(registered);
    }

    @PostMapping(path = "/api/v1/documents/outgoing", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            operationId = "createOutgoingDocument",
            summary = "Number and issue an outgoing document: metadata (JSON), file (main PDF), attachments; or"
                    + " fileUploadId and attachmentUploadIds in the metadata, naming finished uploads")
    ResponseEntity<DocumentView> createOutgoingDocument(
            @RequestPart("metadata") byte[] metadataJson,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestPart(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @AuthenticationPrincipal Official official) {
        OutgoingMetadata m = metadata.read(metadataJson, OutgoingMetadata.class);
        if (idempotencyKey != null && m.submissionKey() == null) {
            m = withKey(m, idempotencyKey);
        }
        RequestFiles.Files files = requestFiles.of(official, metadataJson, file, attachments, true);
        DocumentView issued = registration.createOutgoing(
                m,
                Objects.requireNonNull(files.main()),
                files.attachments(),
                official,
                idempotencyKey == null ? null : RequestDigest.of(metadataJson, file, attachments));
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @GetMapping("/api/v1/documents/{id}")
    @Operation(operationId = "getDocument", summary = "A document with its metadata, files and recipients")
    DocumentView getDocument(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return access.readable(official, id);
    }

    @GetMapping("/api/v1/documents/{id}/files/{fileId}")
    @Operation(
            operationId = "downloadDocumentFile",
            summary = "The content of a document's file, whole or in the byte ranges asked for (Range, If-Range)")
    ResponseEntity<?> downloadDocumentFile(
            @PathVariable UUID id,
            @PathVariable UUID fileId,
            @RequestHeader(name = HttpHeaders.IF_RANGE, required = false) @Nullable String ifRange,
            @AuthenticationPrincipal Official official) {
        return downloads.download(access.readable(official, id), fileId, false, ifRange);
    }

    /** Whom to let read a secret document. */
    record Grant(UUID personId) {}

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/documents/{id}/grants")
    @Operation(
            operationId = "grantDocumentAccess",
            summary = "Let a person read a secret document (the unit's clerk or leader)")
    ResponseEntity<Void> grantDocumentAccess(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestBody Grant grant,
            @AuthenticationPrincipal Official official) {
        if (grant.personId() == null) {
            throw new vn.congvan.shared.InvalidFieldsException(java.util.List.of(
                    new vn.congvan.shared.InvalidFieldsException.FieldProblem("personId", "validation.required")));
        }
        grants.grant(official, id, grant.personId());
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/documents/{id}/grants/{personId}")
    @Operation(
            operationId = "withdrawDocumentAccess",
            summary = "Take back a person's reading of a secret document (the unit's clerk or leader)")
    ResponseEntity<Void> withdrawDocumentAccess(
            @PathVariable UUID id, @PathVariable UUID personId, @AuthenticationPrincipal Official official) {
        grants.withdraw(official, id, personId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/documents")
    @Operation(
            operationId = "searchDocuments",
            summary = "Find documents by words (diacritics optional) and filters, newest first")
    SearchResult searchDocuments(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable Direction direction,
            @RequestParam(required = false) @Nullable DocumentType type,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable DocumentStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal Official official) {
        return search.search(official, new SearchQuery(q, unitId, direction, type, from, to, status, page, size));
    }

    private static IncomingMetadata withKey(IncomingMetadata m, String key) {
        return new IncomingMetadata(
                m.unitId(),
                m.typeName(),
                m.codeNumber(),
                m.codeNotation(),
                m.issuedDate(),
                m.organId(),
                m.organName(),
                m.subject(),
                m.signerAuthority(),
                m.signerPosition(),
                m.signerFullName(),
                m.priority(),
                m.confidentiality(),
                m.dueDate(),
                m.toPlaces(),
                m.description(),
                m.language(),
                m.pageAmount(),
                m.arrivalDate(),
                m.documentId(),
                m.paper(),
                m.confirmDuplicate(),
                key,
                m.issuedAmount(),
                m.presentTo());
    }

    private static OutgoingMetadata withKey(OutgoingMetadata m, String key) {
        return new OutgoingMetadata(
                m.unitId(),
                m.typeName(),
                m.draftingDivisionId(),
                m.subject(),
                m.signerAuthority(),
                m.signerPosition(),
                m.signerFullName(),
                m.priority(),
                m.confidentiality(),
                m.dueDate(),
                m.toPlaces(),
                m.description(),
                m.language(),
                m.pageAmount(),
                m.issuedAmount(),
                m.recipients(),
                m.paper(),
                key);
    }
}
