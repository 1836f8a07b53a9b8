package vn.congvan.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTests {

    static final Instant NOW = Instant.now();
    static final Duration YEAR = Duration.ofDays(365);

    final CertificateAuthority root = CertificateAuthority.newRoot(
            "root",
            "Demo Root CA",
            KeyAlgorithm.EC_P256,
            NOW.minus(YEAR),
            NOW.plus(YEAR.multipliedBy(10)),
            "http://ca.example/pki/");
    final CertificateAuthority issuing = root.newIssuingCa(
            "issuing", "Demo Issuing CA", KeyAlgorithm.EC_P256, NOW.minus(YEAR), NOW.plus(YEAR.multipliedBy(5)));

    @Test
    void aPersonalCertificateNamesThePersonAndTheUnitAndChainsToTheRoot() throws Exception {
        IssuedCertificate person = issuing.issue(
                Subject.person("Nguyễn Thị Hồng Nhung", "Sở Nội vụ tỉnh Bắc Giang"),
                KeyAlgorithm.RSA_2048,
                NOW,
                NOW.plus(YEAR));
        X509Certificate certificate = person.certificate();

        assertThat(certificate.getSubjectX500Principal().getName())
                .isEqualTo("CN=Nguyễn Thị Hồng Nhung,O=Sở Nội vụ tỉnh Bắc Giang,C=VN");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(person.chain()).hasSize(3);

        var factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(factory.generateCertPath(person.chain().subList(0, 2)), parameters);
    }

    @Test
    void everyIssuedCertificateSaysWhereItsRevocationIsPublished() throws Exception {
        X509Certificate certificate = issuing.issue(
                        Subject.organization("Sở Nội vụ tỉnh Bắc Giang"), KeyAlgorithm.EC_P256, NOW, NOW.plus(YEAR))
                .certificate();

        assertThat(new String(
                        certificate.getExtensionValue(Extension.cRLDistributionPoints.getId()),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("http://ca.example/pki/issuing.crl");
        assertThat(new String(
                        certificate.getExtensionValue(Extension.authorityInfoAccess.getId()),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("http://ca.example/pki/issuing/ocsp")
                .contains("http://ca.example/pki/issuing.crt");
    }

    @Test
    void aRevokedCertificateIsOnTheCrlAndTheOcspResponderSaysSo() throws Exception {
        X509Certificate revoked = issuing.issue(
                        Subject.person("Trần Văn Mất", "UBND xã Tăng Tiến"), KeyAlgorithm.EC_P256, NOW, NOW.plus(YEAR))
                .certificate();
        X509Certificate good = issuing.issue(
                        Subject.person("Lê Thị Còn", "UBND xã Tăng Tiến"), KeyAlgorithm.EC_P256, NOW, NOW.plus(YEAR))
                .certificate();
        Revocation revocation = new Revocation(revoked.getSerialNumber(), NOW.minusSeconds(60));

        X509CRL crl = issuing.crl(List.of(revocation), NOW, NOW.plus(Duration.ofDays(1)));
        crl.verify(issuing.certificate().getPublicKey());
        assertThat(crl.isRevoked(revoked)).isTrue();
        assertThat(crl.isRevoked(good)).isFalse();

        var digests = new JcaDigestCalculatorProviderBuilder().build();
        CertificateID id = new CertificateID(
                digests.get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuing.certificate()),
                revoked.getSerialNumber());
        byte[] answer = issuing.answerOcsp(
                new OCSPReqBuilder().addRequest(id).build().getEncoded(),
                serial -> serial.equals(revoked.getSerialNumber())
                        ? Optional.of(revocation.revokedAt())
                        : Optional.empty(),
                NOW);
        BasicOCSPResp response = (BasicOCSPResp) new OCSPResp(answer).getResponseObject();
        assertThat(response.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void theKeyStoreOfACertificateOpensWithItsPassword() throws Exception {
        IssuedCertificate issued = issuing.issue(
                Subject.person("Phạm Văn Ký", "UBND huyện Việt Yên"), KeyAlgorithm.RSA_2048, NOW, NOW.plus(YEAR));
        char[] password = "Demo@2026".toCharArray();

        try (Pkcs12SignatureToken token =
                new Pkcs12SignatureToken(issued.pkcs12(password), new KeyStore.PasswordProtection(password))) {
            assertThat(token.getKeys()).singleElement().satisfies(key -> {
                assertThat(key.getCertificate().getCertificate()).isEqualTo(issued.certificate());
                assertThat(key.getCertificateChain()).hasSize(3);
            });
        }
    }

    @Test
    void aCertificateCannotOutliveItsIssuer() {
        assertThatThrownBy(() -> issuing.issue(
                        Subject.person("Hoàng Văn Lâu", "UBND"),
                        KeyAlgorithm.EC_P256,
                        NOW,
                        NOW.plus(YEAR.multipliedBy(20))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
