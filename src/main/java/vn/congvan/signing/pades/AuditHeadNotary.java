package vn.congvan.signing.pades;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditNotary;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.settings.SigningProperties;

/**
 * Time-stamps the head of the audit chain with the installation's RFC 3161 service: the
 * configured one, else the demo authority's in a demo installation (whatever the signing level).
 */
@Component
class AuditHeadNotary implements AuditNotary {

    private final SigningProperties properties;
    private final Environment environment;
    private final boolean demo;

    AuditHeadNotary(SigningProperties properties, CongVanProperties congVan, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.demo = congVan.demoEnabled();
    }

    @Override
    public Optional<byte[]> timeStamp(byte[] sha256) {
        String url = serviceUrl();
        if (url == null) {
            return Optional.empty();
        }
        TimestampDataLoader loader = new TimestampDataLoader();
        properties.limit(loader);
        return Optional.of(new OnlineTSPSource(url, loader)
                .getTimeStampResponse(DigestAlgorithm.SHA256, sha256)
                .getBytes());
    }

    @Override
    public Optional<Instant> check(byte[] token, byte[] sha256) {
        try {
            TimeStampToken stamp = new TimeStampToken(new CMSSignedData(token));
            var imprint = stamp.getTimeStampInfo();
            if (!NISTObjectIdentifiers.id_sha256.equals(imprint.getMessageImprintAlgOID())
                    || !Arrays.equals(imprint.getMessageImprintDigest(), sha256)) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> signers =
                    stamp.getCertificates().getMatches((Selector<X509CertificateHolder>) stamp.getSID());
            if (signers.isEmpty()) {
                return Optional.empty();
            }
            X509Certificate signer = new JcaX509CertificateConverter()
                    .getCertificate(signers.iterator().next());
            stamp.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return Optional.of(imprint.getGenTime().toInstant());
        } catch (Exception invalid) {
            return Optional.empty();
        }
    }

    private @Nullable String serviceUrl() {
        String url = properties.tsaUrl();
        if (url != null && !url.isBlank()) {
            return url.trim();
        }
        return demo ? properties.demoPkiBaseUrl(environment) + "/tsa" : null;
    }
}
