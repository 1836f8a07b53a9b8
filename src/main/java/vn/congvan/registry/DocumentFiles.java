package vn.congvan.registry;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.registry.document.DocumentGrants;
import vn.congvan.registry.document.Documents;
import vn.congvan.registry.document.FileVersions;
import vn.congvan.shared.Official;
import vn.congvan.storage.StoredBlob;

/**
 * What other modules may do with a document's files: read the document as the official may, and
 * give a file a new version (a signed PDF) while the registry keeps every earlier one.
 */
@Service
public class DocumentFiles {

    private final DocumentAccess access;
    private final FileVersions versions;
    private final Documents documents;
    private final DocumentGrants grants;

    DocumentFiles(DocumentAccess access, FileVersions versions, Documents documents, DocumentGrants grants) {
        this.access = access;
        this.versions = versions;
        this.documents = documents;
        this.grants = grants;
    }

    /** Whether the person holds an explicit grant to read the (secret) document. */
    @Transactional(readOnly = true)
    public boolean granted(UUID documentId, UUID personId) {
        return documents.granted(documentId, personId);
    }

    /**
     * Grants the person the reading of a secret document, the grantor being its unit's clerk or
     * leader able to read it ({@code registry.grant.not-allowed} otherwise); audited, once.
     */
    @Transactional
    public void grant(Official grantor, UUID documentId, UUID personId) {
        if (!documents.granted(documentId, personId)) {
            grants.grant(grantor, documentId, personId);
        }
    }

    /** The document, when the official may read it; otherwise {@code registry.document.not-found}. */
    @Transactional(readOnly = true)
    public DocumentView readable(Official official, UUID documentId) {
        return access.readable(official, documentId);
    }

    /**
     * Makes {@code content}, already kept by the storage, the file's current content, provided the
     * file still has the content the caller worked from ({@code registry.file.changed} otherwise);
     * the change is audited in the caller's transaction, or in one of its own.
     */
    @Transactional
    public FileVersionView replaceFile(
            Official official,
            UUID documentId,
            UUID fileId,
            String workedFromSha256,
            StoredBlob content,
            String reason) {
        DocumentView document = access.readable(official, documentId);
        return versions.add(document, fileId, workedFromSha256, content, reason, official);
    }

    /** Every content a file had, the original first. */
    @Transactional(readOnly = true)
    public List<FileVersionView> versions(Official official, UUID documentId, UUID fileId) {
        return versions.of(access.readable(official, documentId), fileId);
    }
}
