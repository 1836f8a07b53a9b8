package vn.congvan.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import vn.congvan.Poppler;
import vn.congvan.SamplePdf;
import vn.congvan.TestPki;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.images.DemoImages;
import vn.congvan.signing.pki.IssuedCertificate;
import vn.congvan.signing.settings.SigningProperties;

/**
 * Signs at B-LTA straight with the PAdES signer, without a server: the test PKI's CRLs, OCSP
 * answers and time-stamps over real HTTP, the result checked by DSS and by poppler.
 */
class ArchiveLevelSigningTests {

    static final String UNIT = "Ủy ban nhân dân huyện Tân Yên";
    static final char[] PASSWORD = "test".toCharArray();

    final TestPki pki = TestPki.shared();

    @Test
    void twoArchiveLevelSignaturesOneAfterTheOtherAreBothValidForDssAndPoppler() throws IOException {
        PadesSigner signer = signerAt("B-LTA");
        byte[] pdf = SamplePdf.withText("QUYẾT ĐỊNH", "Về việc thành lập tổ công tác");

        byte[] once = signed(signer, pki.person("Lý Văn Dũng", UNIT), pdf, 600);
        byte[] twice = signed(signer, pki.organization(UNIT), once, 450);

        SimpleReport report = validated(twice);
        assertThat(report.getSignatureIdList()).hasSize(2).allSatisfy(id -> {
            assertThat(report.getIndication(id)).as(id).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        });
        // Poppler lists the archive (document) time-stamps too, but does not verify them: DSS did above.
        assertThat(Poppler.pdfsig(twice).stream().filter(s -> s.contains("ETSI.CAdES.detached")))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
    }

    private PadesSigner signerAt(String level) {
        SigningProperties properties = properties(pki.tsaUrl(), level);
        CongVanProperties congVan = new CongVanProperties(
                Path.of("target"),
                new CongVanProperties.Db("jdbc:postgresql://db/congvan", null, null),
                new CongVanProperties.Demo(false, null, null),
                new CongVanProperties.Api(Duration.ofHours(8)));
        return new PadesSigner(
                verifier(properties),
                properties,
                new TimeStamping(properties, congVan, new StandardEnvironment()),
                vn.congvan.platform.PdfBounds.defaults());
    }

    private static SigningProperties properties(@Nullable String tsaUrl, String level) {
        return new SigningProperties(
                List.of(),
                null,
                Duration.ofSeconds(5),
                20000,
                null,
                Duration.ofMinutes(10),
                new SigningProperties.Pkcs11(null, null, 0, null),
                tsaUrl,
                level,
                "wss://127.0.0.1:8987/",
                org.springframework.util.unit.DataSize.ofMegabytes(100),
                java.time.Duration.ofMinutes(5));
    }

    private CommonCertificateVerifier verifier(SigningProperties properties) {
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        anchors.addCertificate(new CertificateToken(pki.root()));
        CommonsDataLoader loader = new CommonsDataLoader();
        properties.limit(loader);
        OCSPDataLoader ocspLoader = new OCSPDataLoader();
        properties.limit(ocspLoader);
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(anchors);
        verifier.setCrlSource(new OnlineCRLSource(loader));
        verifier.setOcspSource(new OnlineOCSPSource(ocspLoader));
        return verifier;
    }

    private SimpleReport validated(byte[] pdf) {
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf, "signed.pdf"));
        validator.setCertificateVerifier(verifier(properties(null, "B-B")));
        return validator.validateDocument().getSimpleReport();
    }

    private static byte[] signed(PadesSigner signer, IssuedCertificate certificate, byte[] pdf, float y)
            throws IOException {
        String name = certificate.certificate().getSubjectX500Principal().getName();
        Path in = Files.createTempFile("congvan-lta-", ".pdf");
        Path out = Files.createTempFile("congvan-lta-signed-", ".pdf");
        try (Pkcs12SignatureToken token =
                new Pkcs12SignatureToken(certificate.pkcs12(PASSWORD), new KeyStore.PasswordProtection(PASSWORD))) {
            Files.write(in, pdf);
            signer.sign(
                    in,
                    token,
                    token.getKeys().get(0),
                    VisibleSignature.personal(1, 350, y, DemoImages.signature(name), name, "Chủ tịch"),
                    new SignatureDictionary(
                            name, "Ký duyệt", "Bắc Giang", Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                    out);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}
