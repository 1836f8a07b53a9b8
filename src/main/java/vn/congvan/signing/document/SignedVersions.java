package vn.congvan.signing.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.FileVersionView;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.DocumentSigned;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.SigningAuditAction;
import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.pades.VisibleSignature;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * Makes a signed PDF the file's new version, whichever channel signed it: stores it, then in one
 * transaction replaces the file (provided nobody changed it meanwhile), audits the use of the
 * certificate, does what else must go with it, and announces the signature.
 */
@Component
class SignedVersions {

    private final DocumentFiles files;
    private final Blobs blobs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    SignedVersions(
            DocumentFiles files,
            Blobs blobs,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.files = files;
        this.blobs = blobs;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    SignedFile keep(
            Path signed,
            Official official,
            DocumentView document,
            DocumentView.FileView file,
            SignatureKind kind,
            Appearance appearance,
            SigningCertificate certificate,
            Instant signingTime,
            Runnable alongside) {
        StoredBlob content;
        try (InputStream in = Files.newInputStream(signed)) {
            content = blobs.store(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileVersionView version = transaction.execute(status -> {
            // Revoked, or its rights changed, while the signature was being made: the file stays as it was.
            SigningRules.requireMayApply(official, files.readable(official, document.id()), kind);
            alongside.run();
            return record(official, document, file, content, kind, appearance, certificate, signingTime);
        });
        return new SignedFile(
                document.id(),
                file.id(),
                version.version(),
                content.sha256(),
                kind,
                appearance,
                certificate.commonName(),
                certificate.serialNumber(),
                signingTime.atZone(VietnamTime.ZONE).toOffsetDateTime());
    }

    private FileVersionView record(
            Official official,
            DocumentView document,
            DocumentView.FileView file,
            StoredBlob content,
            SignatureKind kind,
            Appearance appearance,
            SigningCertificate certificate,
            Instant signingTime) {
        FileVersionView version = files.replaceFile(
                official,
                document.id(),
                file.id(),
                file.sha256(),
                content,
                "signature." + kind.name().toLowerCase(Locale.ROOT));
        audit.record(AuditEntry.by(
                official,
                SigningAuditAction.SIGNATURE_APPLIED,
                "document",
                document.id().toString(),
                document.unitId(),
                Map.of(
                        "kind", kind.name(),
                        "appearance", appearance.name(),
                        "file", file.fileName(),
                        "version", Integer.toString(version.version()),
                        "certificate", certificate.serialNumber(),
                        "certificateSha256", certificate.sha256(),
                        "medium", certificate.medium().name(),
                        "signingTime", VisibleSignature.iso(signingTime))));
        events.publishEvent(new DocumentSigned(
                document.id(),
                file.id(),
                version.version(),
                kind,
                document.unitId(),
                official.personId(),
                certificate.serialNumber(),
                signingTime));
        return version;
    }
}
