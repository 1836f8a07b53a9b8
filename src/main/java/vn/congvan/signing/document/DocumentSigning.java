package vn.congvan.signing.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.keys.KeyStores;
import vn.congvan.signing.keys.ServerKey;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.storage.Blobs;

/**
 * Signs a registered document's file with a key the server holds, by the rules of signature use.
 * The PDF is signed outside any transaction (it takes a revocation check and a few seconds on a
 * large file); the signed PDF then becomes the file's new version, and the use of the key is
 * audited, in one transaction, provided nobody changed the file meanwhile.
 */
@Service
public class DocumentSigning {

    private final DocumentFiles files;
    private final SigningRules rules;
    private final KeyStores keyStores;
    private final PadesSigner signer;
    private final Appearances appearances;
    private final Blobs blobs;
    private final SignedVersions versions;
    private final Clock clock;

    DocumentSigning(
            DocumentFiles files,
            SigningRules rules,
            KeyStores keyStores,
            PadesSigner signer,
            Appearances appearances,
            Blobs blobs,
            SignedVersions versions,
            Clock clock) {
        this.files = files;
        this.rules = rules;
        this.keyStores = keyStores;
        this.signer = signer;
        this.appearances = appearances;
        this.blobs = blobs;
        this.versions = versions;
        this.clock = clock;
    }

    public SignedFile sign(SignatureRequest request, Official official) {
        DocumentView document = files.readable(official, request.documentId());
        DocumentView.FileView file = fileToSign(document, request);
        SigningCertificate certificate = rules.certificateFor(official, document, file, request.kind());
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        Path signed = temporaryFile();
        try (ServerKey key = keyStores.open(certificate)) {
            rules.requireNotRevoked(certificate, key.key());
            Appearance appearance = blobs.withLocalFile(file.sha256(), pdf -> {
                ChosenAppearance chosen =
                        appearances.choose(request, document, isAttachment(file), pdf, official, signingTime);
                signer.sign(
                        pdf,
                        key.token(),
                        key.key(),
                        chosen.visible(),
                        Appearances.dictionary(document, chosen.appearance(), certificate, signingTime),
                        signed);
                return chosen.appearance();
            });
            return versions.keep(
                    signed, official, document, file, request.kind(), appearance, certificate, signingTime, () -> {});
        } finally {
            delete(signed);
        }
    }

    /**
     * Whether the document's main PDF carries a valid personal signature: what the clerk needs
     * before numbering and sealing it.
     */
    public boolean personallySigned(Official official, UUID documentId) {
        return appearances.mainFileHasPersonalSignature(files.readable(official, documentId));
    }

    /**
     * Whether the document's main PDF carries a valid personal signature made with a certificate
     * registered to {@code signerId}: what the clerk needs before numbering and sealing a document
     * whose signer the approval route designated. Anybody else's signature does not count.
     */
    public boolean personallySignedBy(Official official, UUID documentId, UUID signerId) {
        return appearances.mainFileHasPersonalSignatureBy(files.readable(official, documentId), signerId);
    }

    /** Whether the document's main PDF already carries a valid organization signature. */
    public boolean sealed(Official official, UUID documentId) {
        return appearances.mainFileIsSealed(files.readable(official, documentId));
    }

    /**
     * Whether the official could sign personally with a key the server holds, valid now: what
     * offering "approve and sign" on a draft needs before the document exists.
     */
    public boolean holdsPersonalKey(Official official) {
        return rules.holdsPersonalKey(official);
    }

    /** The file a request signs; attachments carry the organization signature only. */
    static DocumentView.FileView fileToSign(DocumentView document, SignatureRequest request) {
        DocumentView.FileView file = fileOf(document, request.fileId());
        if (isAttachment(file) && request.kind() == SignatureKind.PERSONAL) {
            throw DomainException.invalid("signing.attachment.organization-only");
        }
        return file;
    }

    static boolean isAttachment(DocumentView.FileView file) {
        return !file.role().equals("MAIN");
    }

    /**
     * The kinds of signature the official may apply to the document: none once its main file is
     * sealed, and no personal signature from someone whose signature is on it already.
     */
    public Set<SignatureKind> kindsFor(Official official, DocumentView document) {
        Set<SignatureKind> kinds = EnumSet.noneOf(SignatureKind.class);
        for (SignatureKind kind : SignatureKind.values()) {
            if (rules.mayApply(official, document, kind)) {
                kinds.add(kind);
            }
        }
        // Asked once, and only of someone who may sign at all: it may read the file's signatures.
        if (!kinds.isEmpty() && rules.mainFileSealed(official, document)) {
            kinds.clear();
        }
        if (kinds.contains(SignatureKind.PERSONAL)
                && document.files().stream()
                        .filter(f -> !isAttachment(f))
                        .anyMatch(main -> rules.signedBy(official, document, main))) {
            kinds.remove(SignatureKind.PERSONAL);
        }
        return kinds;
    }

    static DocumentView.FileView fileOf(DocumentView document, @Nullable UUID fileId) {
        return document.files().stream()
                .filter(f -> fileId == null ? f.role().equals("MAIN") : f.id().equals(fileId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.FILE_NOT_FOUND, fileId));
    }

    static Path temporaryFile() {
        try {
            return Files.createTempFile("congvan-signed-", ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file holds a signed copy of a file the storage keeps anyway.
        }
    }
}
