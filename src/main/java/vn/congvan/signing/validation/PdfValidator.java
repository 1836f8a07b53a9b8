package vn.congvan.signing.validation;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TokenExtractionStrategy;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.congvan.platform.PdfBounds;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.SignatureCheck;
import vn.congvan.signing.SignatureIntegrity;
import vn.congvan.signing.SignatureResult;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.ValidationReport;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.FileBackedPdfs;

/**
 * Validates every signature of a PDF with DSS under its default ETSI policy, against the trust
 * anchors and the revocation data online (or cached, when the authority is unreachable), and tells
 * what a time-stamp over each signature attests. Integrity is judged first and apart from the
 * signer's certificate: a signature whose signed bytes changed, or whose PDF a later revision changed
 * in what the pages show (new content, an overlay, a shadow attack), or that bytes follow outside any
 * revision, is invalid whoever signed it, since a PDF from another province's CA is normally of an
 * authority we do not trust. Then the certificate: its validity period (expired, not yet valid, or
 * vouched for by a time-stamp made before it expired), its authority, its revocation.
 */
@Component
public class PdfValidator {

    private static final Logger log = LoggerFactory.getLogger(PdfValidator.class);

    /**
     * The largest PDF DSS 6.4 finds the revisions of: it counts a file's bytes in an {@code int}
     * ({@code PAdESUtils.extractRevisions}), and the last revision of a file past 2 GiB ends at a
     * negative offset. Such a file is reported as not checked rather than given a verdict.
     */
    static final long LARGEST_CHECKED = Integer.MAX_VALUE;

    private final CertificateVerifier verifier;
    private final MessageSource messages;
    private final PdfBounds bounds;
    /**
     * DSS's default ETSI policy, read once: DSS parses its XML again for every validation it is not
     * given a policy for, an eighth of all validating in a profile of the unit tests (188 of 1,404
     * samples; every PDF registered is validated, most without signatures). Validating only reads it.
     */
    private final ValidationPolicy policy;

    PdfValidator(CertificateVerifier verifier, MessageSource messages, PdfBounds bounds) {
        this.verifier = verifier;
        this.messages = messages;
        this.bounds = bounds;
        this.policy = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    }

    /**
     * The report on the PDF in a file; refuses a file that is not a PDF ({@code signing.file.not-pdf});
     * a PDF that decodes past the bounds is reported as not checked ({@link ValidationReport#notChecked()}).
     */
    public ValidationReport validate(Path pdf, Locale locale) {
        if (!looksLikePdf(pdf)) {
            throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
        }
        long length = size(pdf);
        if (length > LARGEST_CHECKED) {
            log.info("A PDF of {} bytes not validated: past what the signature library reads", length);
            return ValidationReport.tooLargeToCheck(
                    messages.getMessage("signing.verdict.TOO_LARGE_FILE", null, locale));
        }
        if (!withinBounds(pdf)) {
            return ValidationReport.tooLargeToCheck(messages.getMessage("signing.verdict.TOO_LARGE", null, locale));
        }
        DSSDocument document = new FileDocument(pdf.toFile());
        Reports reports;
        try (FileBackedPdfs pdfs = new FileBackedPdfs(bounds)) {
            PDFDocumentValidator validator = new PDFDocumentValidator(document);
            validator.setPdfObjFactory(pdfs);
            validator.setCertificateVerifier(verifier);
            validator.setLocale(locale);
            // Certificates in the report, for their thumbprints.
            validator.setTokenExtractionStrategy(TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
            reports = validator.validateDocument(policy);
            if (pdfs.refusedToDraw()) {
                // A signed revision (an earlier state of the file, not measured above) was too large
                // to draw: without that comparison there is no verdict on what the pages show.
                return ValidationReport.tooLargeToCheck(messages.getMessage("signing.verdict.TOO_LARGE", null, locale));
            }
        } catch (RuntimeException e) {
            log.info("Cannot validate a PDF: {}", e.toString());
            throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
        }
        boolean appended = appendedAfterLastRevision(pdf, length);
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureCheck> checks = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            checks.add(check(id, simple, diagnostic.getSignatureById(id), length, appended, locale));
        }
        return new ValidationReport(checks);
    }

    /**
     * DSS loads the PDF with PDFBox, decodes its streams and draws its pages to compare revisions,
     * all without a bound: the file is opened, its page streams measured and, when DSS draws them, its
     * pages measured as DSS draws them (72 dpi) within the bounds first.
     */
    private boolean withinBounds(Path pdf) {
        try (PDDocument document = bounds.load(pdf)) {
            bounds.requireWithin(document);
            if (FileBackedPdfs.drawnByDss(document)) {
                bounds.requireDrawable(document, FileBackedPdfs.DRAWING_SCALE);
            }
            return true;
        } catch (PdfBounds.TooLarge e) {
            log.info("A PDF not validated: {}", e.getMessage());
            return false;
        } catch (IOException e) {
            // DSS would read it with PDFBox's repairs, which decode what they find without a bound.
            throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
        }
    }

    private SignatureCheck check(
            String id,
            SimpleReport simple,
            SignatureWrapper signature,
            long documentLength,
            boolean appended,
            Locale locale) {
        Indication indication = simple.getIndication(id);
        SubIndication sub = simple.getSubIndication(id);
        PDFRevisionWrapper revision = signature.getPDFRevision();
        boolean whole = coversWholeDocument(revision, documentLength);
        CertificateWrapper certificate = signature.getSigningCertificate();
        SignatureIntegrity integrity = integrity(signature, certificate, sub, revision, whole, appended);
        @Nullable Date claimed = simple.getSigningTime(id);
        @Nullable Date stamped = timestampTime(signature);
        @Nullable Date provenTime = validTimestampTime(signature);
        String certificateReason = certificateReason(signature, certificate, indication, sub, claimed, provenTime);

        SignatureResult result;
        String reason;
        if (!integrity.intact()) {
            // A forgery is one whoever signed it: said before anything about the signer's authority.
            result = SignatureResult.TOTAL_FAILED;
            reason = Reasons.of(integrity, sub);
        } else if (result(indication) == SignatureResult.TOTAL_PASSED) {
            result = SignatureResult.TOTAL_PASSED;
            reason = Reasons.VALID;
        } else if (certificateReason.equals(Reasons.VALID_TIMESTAMPED)) {
            result = SignatureResult.TOTAL_PASSED;
            reason = Reasons.VALID_TIMESTAMPED;
        } else {
            result = result(indication);
            reason = certificateReason;
        }
        Object detail = sub != null ? sub.name() : indication.name();
        return new SignatureCheck(
                id,
                revision != null ? revision.getFirstFieldName() : null,
                certificate != null ? certificate.getCommonName() : simple.getSignedBy(id),
                certificate != null ? certificate.getOrganizationName() : null,
                certificate != null ? serial(certificate.getSerialNumber()) : null,
                certificate != null && certificate.getBinaries() != null
                        ? SigningCertificates.sha256(certificate.getBinaries())
                        : null,
                vietnamTime(claimed),
                simple.getSignatureFormat(id) != null
                        ? simple.getSignatureFormat(id).toString()
                        : null,
                result,
                reason,
                messages.getMessage(reason, new Object[] {detail}, locale),
                whole,
                vietnamTime(stamped),
                TimeNotes.of(claimed, stamped)
                        .map(note -> messages.getMessage(note, null, locale))
                        .orElse(null),
                integrity,
                certificateReason,
                messages.getMessage(certificateReason, new Object[] {detail}, locale),
                certificate != null ? vietnamTime(certificate.getNotAfter()) : null);
    }

    /**
     * Whether the PDF is what was signed, from what DSS found of the signed bytes and of the later
     * revisions, whatever the signer's certificate is worth.
     */
    private static SignatureIntegrity integrity(
            SignatureWrapper signature,
            @Nullable CertificateWrapper certificate,
            @Nullable SubIndication sub,
            @Nullable PDFRevisionWrapper revision,
            boolean whole,
            boolean appended) {
        boolean digestBroken = signature.getDigestMatchers().stream()
                .anyMatch(matcher -> matcher.isDataFound() && !matcher.isDataIntact());
        // Without the signer's certificate the signature value cannot be checked: that is no proof of a change.
        boolean valueBroken = certificate != null && !signature.isSignatureIntact();
        if (sub == SubIndication.HASH_FAILURE
                || sub == SubIndication.SIG_CRYPTO_FAILURE
                || digestBroken
                || valueBroken) {
            return SignatureIntegrity.SIGNED_CONTENT_ALTERED;
        }
        if (!whole && changedAfterSigning(revision)) {
            return SignatureIntegrity.CHANGED_AFTER_SIGNING;
        }
        if (!whole && appended) {
            return SignatureIntegrity.DATA_APPENDED;
        }
        return SignatureIntegrity.INTACT;
    }

    /**
     * What the signer's certificate is worth, most telling first: the certificate's own validity
     * period (a fact whoever issued it), then whether its authority is trusted, then DSS's finding on
     * the chain and its revocation. A certificate expired since, whose signature a valid time-stamp
     * proves older than its expiry, is judged at the time-stamp.
     */
    private static String certificateReason(
            SignatureWrapper signature,
            @Nullable CertificateWrapper certificate,
            Indication indication,
            @Nullable SubIndication sub,
            @Nullable Date claimed,
            @Nullable Date provenTime) {
        if (certificate == null) {
            return "signing.reason.no-certificate";
        }
        Date signedAt = provenTime != null ? provenTime : claimed;
        if (certificate.getNotBefore() != null && signedAt != null && signedAt.before(certificate.getNotBefore())) {
            return Reasons.NOT_YET_VALID;
        }
        boolean expired =
                certificate.getNotAfter() != null && certificate.getNotAfter().before(new Date());
        if (expired && (provenTime == null || provenTime.after(certificate.getNotAfter()))) {
            return Reasons.EXPIRED;
        }
        if (!signature.isTrustedChain()) {
            return Reasons.UNTRUSTED;
        }
        if (expired && Reasons.outOfValidity(sub) && !revokedBefore(certificate, provenTime)) {
            return Reasons.VALID_TIMESTAMPED;
        }
        String reason = Reasons.of(indication, sub);
        if (reason.equals(Reasons.CHAIN) && !revocationDataForTheWholeChain(signature)) {
            // DSS names the chain as failing; what the clerk can act on is the missing revocation data.
            return Reasons.REVOCATION_UNAVAILABLE;
        }
        if (reason.equals(Reasons.VALID) || Reasons.INTEGRITY.contains(reason)) {
            // DSS stopped at the broken bytes, or saw none: the certificate itself chains to a trusted authority.
            return Reasons.CERTIFICATE_TRUSTED;
        }
        return reason;
    }

    /** Whether revocation data in hand say the certificate was revoked before the given time (or at all, without one). */
    private static boolean revokedBefore(CertificateWrapper certificate, @Nullable Date time) {
        for (CertificateRevocationWrapper revocation : certificate.getCertificateRevocationData()) {
            if (revocation.isRevoked()
                    && (time == null
                            || revocation.getRevocationDate() == null
                            || !revocation.getRevocationDate().after(time))) {
                return true;
            }
        }
        return false;
    }

    /** When the earliest intact time-stamp by a trusted authority over the signature was made. */
    private static @Nullable Date validTimestampTime(SignatureWrapper signature) {
        Date earliest = null;
        for (TimestampWrapper timestamp : signature.getTLevelTimestamps()) {
            Date time = timestamp.getProductionTime();
            if (time != null
                    && timestamp.isMessageImprintDataIntact()
                    && timestamp.isSignatureValid()
                    && timestamp.isTrustedChain()
                    && (earliest == null || time.before(earliest))) {
                earliest = time;
            }
        }
        return earliest;
    }

    /** Whether every certificate of the chain below the trust anchor has a CRL or OCSP answer. */
    private static boolean revocationDataForTheWholeChain(SignatureWrapper signature) {
        for (CertificateWrapper certificate : signature.getCertificateChain()) {
            if (!certificate.isTrusted()
                    && !certificate.isSelfSigned()
                    && certificate.getCertificateRevocationData().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** When the earliest time-stamp over the signature was made; none for a signature at level B. */
    private static @Nullable Date timestampTime(SignatureWrapper signature) {
        Date earliest = null;
        for (TimestampWrapper timestamp : signature.getTLevelTimestamps()) {
            Date time = timestamp.getProductionTime();
            if (time != null && (earliest == null || time.before(earliest))) {
                earliest = time;
            }
        }
        return earliest;
    }

    private static SignatureResult result(Indication indication) {
        return switch (indication) {
            case TOTAL_PASSED, PASSED -> SignatureResult.TOTAL_PASSED;
            case TOTAL_FAILED, FAILED -> SignatureResult.TOTAL_FAILED;
            default -> SignatureResult.INDETERMINATE;
        };
    }

    /** Whether the signed byte range reaches the end of the file: no revision was added after it. */
    private static boolean coversWholeDocument(@Nullable PDFRevisionWrapper revision, long documentLength) {
        if (revision == null) {
            return false;
        }
        List<BigInteger> range = revision.getSignatureByteRange();
        if (range == null || range.size() != 4) {
            return false;
        }
        long end = range.get(2).longValue() + range.get(3).longValue();
        // A revision ends with %%EOF and an optional end of line.
        return documentLength - end <= 2;
    }

    /**
     * Whether a later revision changed the pages (their number, or what they show), added or changed
     * annotations other than signature fields (an overlay over the signed text is one), or added
     * objects that are neither. Adding the organization signature after the personal one changes
     * none of these.
     */
    private static boolean changedAfterSigning(@Nullable PDFRevisionWrapper revision) {
        if (revision == null) {
            return false;
        }
        return !revision.getPdfPageDifferenceConcernedPages().isEmpty()
                || !revision.getPdfVisualDifferenceConcernedPages().isEmpty()
                || !revision.getPdfAnnotationChanges().isEmpty()
                || !revision.getPdfUndefinedChanges().isEmpty();
    }

    /**
     * Whether bytes follow the file's last {@code %%EOF}: readers ignore them, but they are not a
     * revision, so something was added to the signed file by other means than an incremental update.
     */
    private static boolean appendedAfterLastRevision(Path pdf, long length) {
        int tail = (int) Math.min(length, 4096);
        byte[] end = new byte[tail];
        try (FileChannel channel = FileChannel.open(pdf)) {
            ByteBuffer buffer = ByteBuffer.wrap(end);
            channel.position(length - tail);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // A channel may read less than asked.
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(end, StandardCharsets.ISO_8859_1);
        int eof = text.lastIndexOf("%%EOF");
        return eof < 0 || !text.substring(eof + 5).isBlank();
    }

    private static @Nullable String serial(@Nullable String decimal) {
        if (decimal == null || decimal.isBlank()) {
            return null;
        }
        return new BigInteger(decimal).toString(16).toUpperCase(Locale.ROOT);
    }

    private static @Nullable OffsetDateTime vietnamTime(@Nullable Date date) {
        return date == null ? null : date.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    private static boolean looksLikePdf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1024), StandardCharsets.ISO_8859_1).contains("%PDF-");
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
