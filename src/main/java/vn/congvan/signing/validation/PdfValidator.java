package vn.congvan.signing.validation;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TokenExtractionStrategy;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.SignatureCheck;
import vn.congvan.signing.SignatureResult;
import vn.congvan.signing.ValidationReport;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.FileBackedPdfs;

/**
 * Validates every signature of a PDF with DSS under its default ETSI policy, against the trust
 * anchors and the revocation data online. A signature DSS finds intact is still reported invalid
 * when a later revision changed what the pages show or added content that is not a signature:
 * that is the "modified after signing" case Decree 30 cares about.
 */
@Component
public class PdfValidator {

    private static final Logger log = LoggerFactory.getLogger(PdfValidator.class);

    private final CertificateVerifier verifier;
    private final MessageSource messages;

    PdfValidator(CertificateVerifier verifier, MessageSource messages) {
        this.verifier = verifier;
        this.messages = messages;
    }

    /** The report on the PDF in a file; refuses a file that is not a PDF ({@code signing.file.not-pdf}). */
    public ValidationReport validate(Path pdf, Locale locale) {
        if (!looksLikePdf(pdf)) {
            throw DomainException.invalid("signing.file.not-pdf");
        }
        DSSDocument document = new FileDocument(pdf.toFile());
        Reports reports;
        try (FileBackedPdfs pdfs = new FileBackedPdfs()) {
            PDFDocumentValidator validator = new PDFDocumentValidator(document);
            validator.setPdfObjFactory(pdfs);
            validator.setCertificateVerifier(verifier);
            validator.setLocale(locale);
            // Certificates in the report, for their thumbprints.
            validator.setTokenExtractionStrategy(TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
            reports = validator.validateDocument();
        } catch (RuntimeException e) {
            log.info("Cannot validate a PDF: {}", e.toString());
            throw DomainException.invalid("signing.file.not-pdf");
        }
        long length = size(pdf);
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureCheck> checks = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            checks.add(check(id, simple, diagnostic.getSignatureById(id), length, locale));
        }
        return new ValidationReport(checks);
    }

    private SignatureCheck check(
            String id, SimpleReport simple, SignatureWrapper signature, long documentLength, Locale locale) {
        Indication indication = simple.getIndication(id);
        SubIndication sub = simple.getSubIndication(id);
        SignatureResult result = result(indication);
        String reason = Reasons.of(indication, sub);
        PDFRevisionWrapper revision = signature.getPDFRevision();
        boolean whole = coversWholeDocument(revision, documentLength);
        if (result == SignatureResult.TOTAL_PASSED && !whole && changedAfterSigning(revision)) {
            result = SignatureResult.TOTAL_FAILED;
            reason = Reasons.CHANGED_AFTER_SIGNING;
        }
        CertificateWrapper certificate = signature.getSigningCertificate();
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
                vietnamTime(simple.getSigningTime(id)),
                simple.getSignatureFormat(id) != null ? simple.getSignatureFormat(id).toString() : null,
                result,
                reason,
                messages.getMessage(reason, new Object[] {detail}, locale),
                whole);
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
     * Whether a later revision changed the pages (their number, or what they show) or added objects
     * that are neither signatures, form fields nor annotations. Adding the organization signature
     * after the personal one changes none of these.
     */
    private static boolean changedAfterSigning(@Nullable PDFRevisionWrapper revision) {
        if (revision == null) {
            return false;
        }
        return !revision.getPdfPageDifferenceConcernedPages().isEmpty()
                || !revision.getPdfVisualDifferenceConcernedPages().isEmpty()
                || !revision.getPdfUndefinedChanges().isEmpty();
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
            throw new java.io.UncheckedIOException(e);
        }
    }
}
