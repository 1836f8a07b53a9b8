package vn.congvan.signing.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.SignatureVerdict;

/**
 * The verdicts kept on the signatures of a document's PDF files, read as the official may read
 * the document. A content not validated yet (registered before validation on intake, or still in
 * the queue) is validated on the spot.
 */
@Service
public class SignatureValidations {

    private final DocumentFiles files;
    private final KeptValidations kept;

    SignatureValidations(DocumentFiles files, KeptValidations kept) {
        this.files = files;
        this.kept = kept;
    }

    /** The verdicts on the document's PDF files; {@code registry.document.not-found} when it is not readable. */
    public DocumentSignatures of(Official official, UUID documentId, Locale locale) {
        return of(files.readable(official, documentId), locale);
    }

    /** The verdicts on the document's PDF files, for a document the official was allowed to read. */
    public DocumentSignatures of(DocumentView document, Locale locale) {
        List<FileSignatures> result = new ArrayList<>();
        for (DocumentView.FileView file : pdfs(document)) {
            result.add(kept.find(file, locale).orElseGet(() -> {
                kept.validateOrAwait(file.sha256());
                return kept.find(file, locale).orElseThrow();
            }));
        }
        return new DocumentSignatures(document.id(), document.noSignedPdf(), result);
    }

    /**
     * Validates the document's PDF files again, now and against the trust list in force (a
     * certificate may have been revoked or have expired since, an authority trusted), and keeps the
     * verdicts; {@code registry.document.not-found} when the official may not read the document.
     */
    public DocumentSignatures recheck(Official official, UUID documentId, Locale locale) {
        DocumentView document = files.readable(official, documentId);
        for (DocumentView.FileView file : pdfs(document)) {
            kept.validate(file.sha256());
        }
        return of(document, locale);
    }

    /**
     * Of the given documents, those the official may read that hold a PDF whose kept verdict is
     * {@link SignatureVerdict#SOME_INVALID}, each with the flag a list shows: {@link SignatureFlag#ALTERED}
     * when a signed file is no longer what was signed (whoever signed it), else {@link SignatureFlag#INVALID};
     * nothing is validated here, so a list stays fast.
     */
    public Map<UUID, SignatureFlag> flagged(Official official, Collection<UUID> documentIds) {
        Map<UUID, SignatureFlag> flagged = new LinkedHashMap<>();
        for (UUID id : documentIds) {
            DocumentView document;
            try {
                document = files.readable(official, id);
            } catch (DomainException e) {
                continue;
            }
            for (DocumentView.FileView file : pdfs(document)) {
                if (kept.altered(file.sha256())) {
                    flagged.put(id, SignatureFlag.ALTERED);
                } else if (kept.verdict(file.sha256()).orElse(null) == SignatureVerdict.SOME_INVALID) {
                    flagged.putIfAbsent(id, SignatureFlag.INVALID);
                }
            }
        }
        return flagged;
    }

    private static List<DocumentView.FileView> pdfs(DocumentView document) {
        return document.files().stream()
                .filter(f -> "application/pdf".equals(f.contentType()))
                .toList();
    }
}
