package vn.congvan.signing.document;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.pades.PadesSignature;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.register.PresentedCertificates;
import vn.congvan.signing.settings.SigningProperties;
import vn.congvan.storage.Blobs;

/**
 * Signs a registered document's file with a key held outside the server (a mobile app, a token's
 * middleware) in two steps: {@link #prepare} applies the rules of signature use, lays the signature
 * out as the server-key path does and returns the data to sign; {@link #complete} checks the value
 * against the certificate, finishes the PDF with the same parameters and signing time, and keeps
 * it as the file's new version. Between the steps the session lives in the database.
 */
@Service
public class TwoStepSigning {

    private final DocumentFiles files;
    private final SigningRules rules;
    private final PadesSigner signer;
    private final Appearances appearances;
    private final Blobs blobs;
    private final SignedVersions versions;
    private final SignatureSessions sessions;
    private final Duration validity;
    private final Clock clock;

    TwoStepSigning(
            DocumentFiles files,
            SigningRules rules,
            PadesSigner signer,
            Appearances appearances,
            Blobs blobs,
            SignedVersions versions,
            SignatureSessions sessions,
            SigningProperties properties,
            Clock clock) {
        this.files = files;
        this.rules = rules;
        this.signer = signer;
        this.appearances = appearances;
        this.blobs = blobs;
        this.versions = versions;
        this.sessions = sessions;
        this.validity = properties.sessionValidity();
        this.clock = clock;
    }

    /**
     * Prepares the signature of the document's file by the holder of {@code certificate} (DER), its
     * {@code chain} (DER, up to the root) completing it in the PDF.
     */
    public PreparedSignature prepare(
            SignatureRequest request, byte[] certificate, List<byte[]> chain, Official official) {
        DocumentView document = files.readable(official, request.documentId());
        DocumentView.FileView file = DocumentSigning.fileToSign(document, request);
        List<X509Certificate> presented = chain(certificate, chain);
        SigningCertificate registered =
                rules.certificateFor(official, document, file, request.kind(), presented.get(0));
        rules.requireNotRevoked(registered, presented);
        Instant now = clock.instant();
        Instant signingTime = now.truncatedTo(ChronoUnit.SECONDS);

        SignatureSession session = blobs.withLocalFile(file.sha256(), pdf -> {
            ChosenAppearance chosen = appearances.choose(
                    request, document, DocumentSigning.isAttachment(file), pdf, official, signingTime);
            PadesSignature signature = new PadesSignature(
                    presented,
                    chosen.visible(),
                    Appearances.dictionary(document, chosen.appearance(), registered, signingTime));
            return new SignatureSession(
                    UUID.randomUUID(),
                    document.id(),
                    file.id(),
                    file.sha256(),
                    request.kind(),
                    registered.id(),
                    chosen.appearance(),
                    signature,
                    signer.dataToSign(pdf, signature),
                    official.personId(),
                    now.plus(validity),
                    null);
        });
        sessions.add(session, now);
        return new PreparedSignature(
                session.id(),
                "SHA256",
                Base64.getEncoder().encodeToString(session.dataToSign()),
                session.expiresAt().atZone(VietnamTime.ZONE).toOffsetDateTime());
    }

    /**
     * Checks the rules of signature use that need no certificate (who signs, whether the file takes
     * signatures still), for a channel that must know before it asks anything of a remote service.
     */
    public void requireMaySign(SignatureRequest request, Official official) {
        DocumentView document = files.readable(official, request.documentId());
        rules.requireMaySign(official, document, DocumentSigning.fileToSign(document, request), request.kind());
    }

    /** Finishes the signature prepared in the session with the value the key holder made over its data. */
    public SignedFile complete(UUID sessionId, byte[] signatureValue, Official official) {
        SignatureSession session = sessions.find(sessionId).orElseThrow(() -> SignatureSessions.notFound(sessionId));
        session.requireOpenFor(official.personId(), clock.instant());
        PadesSignature signature = session.signature();
        if (!verifies(signature.certificate().getPublicKey(), session.dataToSign(), signatureValue)) {
            throw DomainException.invalid("signing.session.wrong-signature-value");
        }
        DocumentView document = files.readable(official, session.documentId());
        DocumentView.FileView file = DocumentSigning.fileOf(document, session.fileId());
        if (!file.sha256().equals(session.fileSha256())) {
            throw DomainException.conflict("signing.session.file-changed");
        }
        SigningCertificate certificate =
                rules.certificateFor(official, document, file, session.kind(), signature.certificate());

        Path signed = DocumentSigning.temporaryFile();
        try {
            blobs.withLocalFile(file.sha256(), pdf -> {
                signer.finish(pdf, signature, signatureValue, signed);
                return signed;
            });
            return versions.keep(
                    signed,
                    official,
                    document,
                    file,
                    session.kind(),
                    session.appearance(),
                    certificate,
                    signature.dictionary().signingTime(),
                    () -> {
                        if (!sessions.markUsed(sessionId, clock.instant())) {
                            throw DomainException.conflict(SigningRefusals.SESSION_USED);
                        }
                    });
        } finally {
            DocumentSigning.delete(signed);
        }
    }

    private static List<X509Certificate> chain(byte[] certificate, List<byte[]> chain) {
        List<X509Certificate> presented = new ArrayList<>();
        presented.add(PresentedCertificates.parse(certificate));
        for (byte[] der : chain) {
            if (!Arrays.equals(der, certificate)) {
                presented.add(PresentedCertificates.parse(der));
            }
        }
        return presented;
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] value) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(value);
        } catch (GeneralSecurityException e) {
            // A value of the wrong shape for the key is as wrong as a value of the right shape.
            return false;
        }
    }
}
