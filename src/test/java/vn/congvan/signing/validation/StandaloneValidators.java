package vn.congvan.signing.validation;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * CongVan's PDF validator outside the application: trusting the given roots (or none), with the
 * given CRLs in hand and the given intermediate certificates known, and nothing fetched from the
 * network, so that a test decides what is trusted and what the revocation data say.
 */
public final class StandaloneValidators {

    private StandaloneValidators() {}

    public static PdfValidator trusting(
            List<X509Certificate> roots, List<X509Certificate> intermediates, List<X509CRL> crls) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        roots.forEach(root -> trusted.addCertificate(new CertificateToken(root)));
        verifier.setTrustedCertSources(trusted);
        CommonCertificateSource adjunct = new CommonCertificateSource();
        intermediates.forEach(c -> adjunct.addCertificate(new CertificateToken(c)));
        verifier.setAdjunctCertSources(adjunct);
        if (!crls.isEmpty()) {
            verifier.setCrlSource(new ExternalResourcesCRLSource(
                    crls.stream().map(StandaloneValidators::document).toArray(InMemoryDocument[]::new)));
        }
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/signing/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new PdfValidator(verifier, messages, vn.congvan.platform.PdfBounds.defaults());
    }

    private static InMemoryDocument document(X509CRL crl) {
        try {
            return new InMemoryDocument(crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }
}
