package vn.congvan.signing.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.SignatureKind;
import vn.congvan.signing.document.PreparedSignature;
import vn.congvan.signing.document.SignatureRequest;
import vn.congvan.signing.document.SignedFile;
import vn.congvan.signing.document.TwoStepSigning;
import vn.congvan.signing.keys.CertificateKind;
import vn.congvan.signing.keys.KeyMedium;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.remote.RemoteSignature.State;
import vn.congvan.signing.settings.RemoteSigningProperties;

/**
 * Signs a document's file with a key a remote signing service holds (PKI SIM, cloud signing): the
 * caller's certificate registered for that service must be the one the service presents; the
 * signature is prepared as for any key held elsewhere, the service is asked to sign its hash
 * asynchronously, and {@link RemoteSignaturePolling} finishes it once the signer confirmed on the phone.
 */
@Service
public class RemoteSigning {

    private final DocumentFiles files;
    private final SigningCertificates certificates;
    private final TwoStepSigning twoStep;
    private final CscClient csc;
    private final RemoteSignatures signatures;
    private final RemoteSigningProperties settings;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    RemoteSigning(
            DocumentFiles files,
            SigningCertificates certificates,
            TwoStepSigning twoStep,
            CscClient csc,
            RemoteSignatures signatures,
            RemoteSigningProperties settings,
            MessageSource messages,
            JsonMapper json,
            Clock clock) {
        this.files = files;
        this.certificates = certificates;
        this.twoStep = twoStep;
        this.csc = csc;
        this.signatures = signatures;
        this.settings = settings;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts the signature by the caller's remote certificate (the one under {@code credentialId} when
     * given); nothing is signed when the service presents another certificate than the registered one.
     * While the caller's signature of the same kind on the same file waits for the phone, starting it
     * again returns that one: a second press asks the signer nothing a second time.
     */
    public RemoteSignature start(
            SignatureRequest request, @Nullable String credentialId, Official official, Locale locale) {
        if (!csc.configured()) {
            throw DomainException.conflict("signing.remote.not-configured");
        }
        DocumentView document = files.readable(official, request.documentId());
        twoStep.requireMaySign(request, official);
        SigningCertificate registered = remoteCertificate(official, document, request.kind(), credentialId)
                .orElseThrow(() -> DomainException.conflict("signing.remote.no-certificate"));
        UUID fileId = fileToSign(document, request);
        return signatures.oneStartAtATime(document.id(), official.personId(), () -> {
            Optional<RemoteSignatures.Row> waiting =
                    signatures.pending(document.id(), official.personId(), fileId, request.kind(), clock.instant());
            if (waiting.isPresent()) {
                return view(waiting.get(), locale);
            }
            return ask(request, registered, document, official, locale);
        });
    }

    private RemoteSignature ask(
            SignatureRequest request,
            SigningCertificate registered,
            DocumentView document,
            Official official,
            Locale locale) {
        String credential = Objects.requireNonNull(registered.remoteCredential(), "chosen among those with one");
        try {
            if (!csc.credentialIds().contains(credential)) {
                throw DomainException.conflict("signing.remote.credential-unknown", credential);
            }
            CscClient.CredentialInfo info = csc.info(credential);
            if (info.certificates().isEmpty()
                    || !SigningCertificates.sha256(info.certificates().get(0)).equals(registered.sha256())) {
                throw DomainException.conflict("signing.remote.certificate-mismatch", registered.serialNumber());
            }
            String algorithm = signAlgorithm(registered, info.keyAlgorithms());
            List<byte[]> chain =
                    info.certificates().subList(1, info.certificates().size());
            PreparedSignature prepared =
                    twoStep.prepare(request, info.certificates().get(0), chain, official);
            byte[] hash = sha256(Base64.getDecoder().decode(prepared.dataToSign()));
            UUID id = UUID.randomUUID();
            String sad = csc.authorize(credential, hash);
            String responseId = csc.signHash(credential, sad, hash, algorithm, id.toString());
            Instant now = clock.instant();
            signatures.add(
                    id,
                    document.id(),
                    prepared.sessionId(),
                    registered.id(),
                    credential,
                    responseId,
                    official.personId(),
                    now,
                    now.plus(settings.maxWait()),
                    now.plus(settings.pollInterval()));
            return view(signatures.find(id).orElseThrow(), locale);
        } catch (RemoteServiceException e) {
            throw new DomainException(
                    HttpStatus.BAD_GATEWAY, e.reason(), e.serviceMessage() == null ? "" : e.serviceMessage());
        }
    }

    /**
     * Whether signing from a page may offer this signature on the phone: the installation has a
     * remote signing service, and the caller (a personal signature) or the document's unit (an
     * organization one) holds a certificate there, valid now. The service itself is not asked.
     */
    public boolean offered(Official official, DocumentView document, SignatureKind kind) {
        return csc.configured()
                && remoteCertificate(official, document, kind, null).isPresent();
    }

    /** Whether the caller holds a personal certificate at the remote signing service, valid now. */
    public boolean offeredPersonally(Official official) {
        return csc.configured()
                && usable(certificates.registeredFor(CertificateKind.PERSONAL, official.personId()), null)
                        .isPresent();
    }

    /** The caller's signatures on the document still waiting for the phone, the newest first. */
    public List<RemoteSignature> pending(UUID documentId, Official official, Locale locale) {
        return signatures.pending(documentId, official.personId(), clock.instant()).stream()
                .map(row -> view(row, locale))
                .toList();
    }

    /**
     * The remote signature, for the official who started it only, and while they may read its
     * document (their rights as they stand now).
     */
    public RemoteSignature find(UUID id, Official official, Locale locale) {
        RemoteSignatures.Row row = signatures
                .find(id)
                .filter(found -> found.startedBy().equals(official.personId()))
                .orElseThrow(() -> DomainException.notFound("signing.remote.not-found", id));
        files.readable(official, row.documentId());
        return view(row, locale);
    }

    private Optional<SigningCertificate> remoteCertificate(
            Official official, DocumentView document, SignatureKind kind, @Nullable String credentialId) {
        List<SigningCertificate> held = kind == SignatureKind.PERSONAL
                ? certificates.registeredFor(CertificateKind.PERSONAL, official.personId())
                : certificates.registeredFor(CertificateKind.ORGANIZATION, document.unitId());
        return usable(held, credentialId);
    }

    private Optional<SigningCertificate> usable(List<SigningCertificate> held, @Nullable String credentialId) {
        Instant now = clock.instant();
        return held.stream()
                .filter(c -> c.medium() == KeyMedium.PKI_SIM || c.medium() == KeyMedium.REMOTE)
                .filter(c -> c.remoteCredential() != null)
                .filter(c -> credentialId == null || credentialId.equals(c.remoteCredential()))
                .filter(c -> !c.expiredAt(now) && !c.notYetValidAt(now))
                .findFirst();
    }

    /** The file the request signs (the main one unless named), which requireMaySign found. */
    private static UUID fileToSign(DocumentView document, SignatureRequest request) {
        if (request.fileId() != null) {
            return request.fileId();
        }
        return document.files().stream()
                .filter(f -> f.role().equals("MAIN"))
                .map(DocumentView.FileView::id)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(RegistryRefusals.FILE_NOT_FOUND, (Object) null));
    }

    /** The CSC signature algorithm for the certificate's key, if the credential allows it. */
    private static String signAlgorithm(SigningCertificate certificate, List<String> allowed) {
        String algorithm =
                certificate.x509().getPublicKey().getAlgorithm().equals("EC") ? CscClient.ECDSA_SHA256 : CscClient.RSA;
        if (!allowed.isEmpty() && !allowed.contains(algorithm)) {
            throw DomainException.conflict("signing.remote.algorithm-unsupported", algorithm);
        }
        return algorithm;
    }

    private RemoteSignature view(RemoteSignatures.Row row, Locale locale) {
        String code = switch (row.state()) {
            case PENDING -> "signing.remote.confirm-on-phone";
            case SIGNED -> "signing.remote.signed";
            default -> row.reason() == null ? "signing.remote.failed" : row.reason();
        };
        Object argument = row.serviceMessage() == null ? "" : row.serviceMessage();
        SignedFile signed = row.state() == State.SIGNED && row.signedFile() != null
                ? json.readValue(row.signedFile(), SignedFile.class)
                : null;
        return new RemoteSignature(
                row.id(),
                row.documentId(),
                row.state(),
                code,
                messages.getMessage(code, new Object[] {argument}, locale),
                row.serviceMessage(),
                signed,
                row.startedAt().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                row.deadline().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                signatures.kindOf(row.sessionId()).orElse(null));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
