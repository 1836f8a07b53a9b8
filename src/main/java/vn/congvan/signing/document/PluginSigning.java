package vn.congvan.signing.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.platform.PdfBounds;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.SignatureCheck;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.document.PluginStart.MetaData;
import vn.congvan.signing.document.PluginStart.Placement;
import vn.congvan.signing.document.PluginStart.PluginRequest;
import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.VisibleSignature;
import vn.congvan.signing.settings.SigningProperties;
import vn.congvan.signing.validation.PdfValidator;
import vn.congvan.storage.Blobs;

/**
 * Signs a registered document's file on the official's USB token through the desktop signing
 * plug-in: {@link #start} applies the rules of signature use and hands out a one-time download
 * address and an upload token; {@link #download} serves the file once; {@link #accept} takes the
 * signed PDF back only when it is the same file with exactly one signature added, by a certificate
 * registered to the expected signer, intact, covering the whole file, and changing nothing else.
 */
@Service
public class PluginSigning {

    /** The address the plug-in downloads from and the one it posts to, under this server's address. */
    public static final String DOWNLOAD_PATH = "/plugin/files/";

    public static final String UPLOAD_PATH = "/plugin/uploads";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DocumentFiles files;
    private final SigningRules rules;
    private final Appearances appearances;
    private final PdfValidator validator;
    private final Blobs blobs;
    private final SignedVersions versions;
    private final PluginSessions sessions;
    private final SigningCertificates certificates;
    private final Directory directory;
    private final UserDetailsService officials;
    private final Duration validity;
    private final long uploadLimit;
    private final Clock clock;
    private final PdfBounds bounds;

    PluginSigning(
            DocumentFiles files,
            SigningRules rules,
            Appearances appearances,
            PdfValidator validator,
            Blobs blobs,
            SignedVersions versions,
            PluginSessions sessions,
            SigningCertificates certificates,
            Directory directory,
            UserDetailsService officials,
            SigningProperties properties,
            Clock clock,
            PdfBounds bounds) {
        this.bounds = bounds;
        this.files = files;
        this.rules = rules;
        this.appearances = appearances;
        this.validator = validator;
        this.blobs = blobs;
        this.versions = versions;
        this.sessions = sessions;
        this.certificates = certificates;
        this.directory = directory;
        this.officials = officials;
        this.validity = properties.sessionValidity();
        this.uploadLimit = properties.pluginUploadLimit().toBytes();
        this.clock = clock;
    }

    /** Hands the signature of the document's file to the plug-in; {@code baseUrl} is this server's address. */
    public PluginStart start(SignatureRequest request, Official official, String baseUrl) {
        DocumentView document = files.readable(official, request.documentId());
        DocumentView.FileView file = DocumentSigning.fileToSign(document, request);
        rules.requireMaySign(official, document, file, request.kind());
        Instant now = clock.instant();
        ChosenAppearance chosen = blobs.withLocalFile(
                file.sha256(),
                pdf -> appearances.choose(
                        request,
                        document,
                        DocumentSigning.isAttachment(file),
                        pdf,
                        official,
                        now.truncatedTo(ChronoUnit.SECONDS)));
        PluginSession session = new PluginSession(
                UUID.randomUUID(),
                document.id(),
                file.id(),
                file.sha256(),
                request.kind(),
                chosen.appearance(),
                official.personId(),
                now.plus(validity),
                null);
        String downloadToken = PluginSessions.newToken();
        String uploadToken = PluginSessions.newToken();
        sessions.add(session, downloadToken, uploadToken, now);

        String downloadUrl = baseUrl + DOWNLOAD_PATH + downloadToken;
        PluginRequest pluginRequest = new PluginRequest(
                downloadUrl,
                downloadUrl,
                baseUrl + UPLOAD_PATH,
                uploadToken,
                uploadToken,
                document.notation(),
                DAY.format(document.metadata().issuedDate()),
                List.of(
                        new MetaData("documentId", document.id().toString()),
                        new MetaData("fileName", file.fileName()),
                        new MetaData("kind", request.kind().name())),
                placement(chosen.visible()));
        return new PluginStart(
                session.id(),
                operation(chosen.appearance()),
                session.expiresAt().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                pluginRequest);
    }

    /** The file the download token opens, once; refused when unknown, served already, or expired. */
    public PluginFile download(String downloadToken) {
        PluginSession session = sessions.download(downloadToken, clock.instant())
                .orElseThrow(() -> DomainException.notFound("signing.plugin.download-unknown"));
        return new PluginFile(session.documentId() + ".pdf", blobs.size(session.fileSha256()), session.fileSha256());
    }

    /**
     * Refuses an upload of {@code size} bytes for no open session, or larger than allowed, before the
     * upload is read: a caller without a session must not make the server copy its file.
     */
    public void requireAcceptable(String uploadToken, long size) {
        acceptable(uploadToken, size);
    }

    private PluginSession acceptable(String uploadToken, long size) {
        PluginSession session = sessions.byUploadToken(uploadToken)
                .orElseThrow(() -> DomainException.forbidden(SigningRefusals.PLUGIN_SESSION_UNKNOWN));
        session.requireOpen(clock.instant());
        if (size > uploadLimit) {
            throw new DomainException(
                    HttpStatus.CONTENT_TOO_LARGE, "signing.plugin.too-large", uploadLimit / (1024 * 1024));
        }
        return session;
    }

    /**
     * Takes back the PDF the plug-in signed (a local file of {@code size} bytes) for the session of
     * the upload token, and keeps it as the file's new version once every check passed.
     */
    public SignedFile accept(String uploadToken, Path uploaded, long size, Locale locale) {
        PluginSession session = acceptable(uploadToken, size);
        requirePdf(uploaded);
        Official official = officialOf(session.personId());
        DocumentView document = files.readable(official, session.documentId());
        DocumentView.FileView file = DocumentSigning.fileOf(document, session.fileId());
        if (!file.sha256().equals(session.fileSha256())) {
            throw DomainException.conflict("signing.session.file-changed");
        }
        SignedRevision.NewSignature added = blobs.withLocalFile(session.fileSha256(), original -> {
            SignedRevision.requireAppendedTo(original, uploaded);
            return SignedRevision.newSignature(original, uploaded, bounds);
        });
        SigningCertificate certificate = registeredCertificate(official, document, file, session, added);
        rules.requireNotRevoked(certificate, added.chain());
        SignatureCheck check = validator.validate(uploaded, locale).signatures().stream()
                .filter(signature -> added.fieldName().equals(signature.fieldName()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("signing.plugin.one-signature", 0));
        if (!intact(check)) {
            throw DomainException.invalid("signing.plugin.signature-invalid", check.reason());
        }
        Instant signingTime = check.signingTime() != null ? check.signingTime().toInstant() : clock.instant();
        return versions.keep(
                uploaded,
                official,
                document,
                file,
                session.kind(),
                session.appearance(),
                certificate,
                signingTime,
                () -> {
                    if (!sessions.markUsed(session.id(), clock.instant())) {
                        throw DomainException.conflict(SigningRefusals.SESSION_USED);
                    }
                });
    }

    /** The plug-in's function for each appearance of the decree. */
    static String operation(Appearance appearance) {
        return switch (appearance) {
            case PERSONAL -> "vgca_sign_approved";
            case SEAL -> "vgca_sign_issued";
            case ATTACHMENT -> "vgca_sign_appendix";
            case COPY -> "vgca_sign_copy";
        };
    }

    private SigningCertificate registeredCertificate(
            Official official,
            DocumentView document,
            DocumentView.FileView file,
            PluginSession session,
            SignedRevision.NewSignature added) {
        String thumbprint;
        try {
            thumbprint = SigningCertificates.sha256(added.chain().get(0).getEncoded());
        } catch (CertificateEncodingException e) {
            throw DomainException.invalid(SigningRefusals.CERTIFICATE_UNREADABLE);
        }
        if (!certificates.isRegistered(thumbprint)) {
            throw DomainException.forbidden(
                    "signing.plugin.certificate-unregistered",
                    SigningCertificates.serialNumber(added.chain().get(0)));
        }
        return rules.certificateFor(official, document, file, session.kind(), thumbprint);
    }

    /**
     * Valid, or cryptographically intact with only the revocation data out of reach for now: the
     * authority's answer was asked just before, and the signature shows as indeterminate until then.
     */
    private static boolean intact(SignatureCheck check) {
        return check.valid() || check.reasonCode().equals("signing.reason.revocation-unavailable");
    }

    private Official officialOf(UUID personId) {
        PersonView person = directory
                .findPerson(personId)
                .filter(PersonView::enabled)
                .orElseThrow(() -> DomainException.forbidden(SigningRefusals.PLUGIN_SESSION_UNKNOWN));
        return (Official) officials.loadUserByUsername(person.username());
    }

    private static Placement placement(VisibleSignature visible) {
        return new Placement(
                visible.page(),
                visible.x(),
                visible.y(),
                visible.width(),
                visible.height(),
                visible.anchoredTopRight(),
                visible.text(),
                visible.image() != null ? Base64.getEncoder().encodeToString(visible.image()) : null);
    }

    private static void requirePdf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (!new String(in.readNBytes(1024), StandardCharsets.ISO_8859_1).contains("%PDF-")) {
                throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
            }
        } catch (IOException e) {
            throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
        }
    }
}
