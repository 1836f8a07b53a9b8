package vn.congvan.signing.validation;

import eu.europa.esig.dss.alert.LogOnStatusAlert;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import org.slf4j.event.Level;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.signing.settings.SigningProperties;

/**
 * The DSS certificate verifier shared by signing and validation: the trust anchors, and CRLs and
 * OCSP answers fetched from the addresses in the certificates, within the configured timeout, the
 * last ones kept in the database for when an authority is unreachable.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    CertificateVerifier certificateVerifier(TrustAnchors anchors, SigningProperties properties, JdbcClient jdbc) {
        CommonsDataLoader loader = new CommonsDataLoader();
        properties.limit(loader);
        OCSPDataLoader ocspLoader = new OCSPDataLoader();
        properties.limit(ocspLoader);

        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(anchors.source());
        verifier.setCrlSource(new OnlineCRLSource(new RevocationDataCache(loader, jdbc)));
        verifier.setOcspSource(new OnlineOCSPSource(new RevocationDataCache(ocspLoader, jdbc)));
        verifier.setAIASource(new DefaultAIASource(loader));
        // Signing checks validity and revocation itself, with messages users read; DSS only logs.
        verifier.setAlertOnMissingRevocationData(new LogOnStatusAlert(Level.WARN));
        verifier.setAlertOnRevokedCertificate(new LogOnStatusAlert(Level.WARN));
        verifier.setAlertOnExpiredCertificate(new LogOnStatusAlert(Level.WARN));
        verifier.setAlertOnNotYetValidCertificate(new LogOnStatusAlert(Level.WARN));
        return verifier;
    }
}
