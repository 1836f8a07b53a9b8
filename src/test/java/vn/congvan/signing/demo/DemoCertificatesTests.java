package vn.congvan.signing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.Poppler;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.directory.DemoProvince;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.signing.DocumentSigningTests;
import vn.congvan.signing.keys.KeyStores;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;

@CongVanTest
@TestPropertySource(properties = "congvan.demo.enabled=true")
class DemoCertificatesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.congvan.platform.Preparations preparations;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    @Autowired
    KeyStores keyStores;

    @Autowired
    CongVanProperties properties;

    @Autowired
    DemoCertificates demo;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theDemoChairmanSignsAndTheDemoClerkSealsOutOfTheBoxAndBothSignaturesAreValid() throws Exception {
        String chairmanName = DemoProvince.leaderOf(DemoProvince.COMMITTEE);
        UUID chairmanId = personId(chairmanName);
        UUID committee = jdbc.sql("select id from unit where legacy_code = ?")
                .param(DemoProvince.PROVINCE_CODE)
                .query(UUID.class)
                .single();
        SigningCertificate personal = awaitUsable(() -> certificates.personalOf(chairmanId));
        awaitUsable(() -> certificates.organizationOf(committee));
        String committeeName = jdbc.sql("select name from unit where id = ?")
                .param(committee)
                .query(String.class)
                .single();
        assertThat(personal.subject()).contains("O=" + committeeName);
        assertThat(Files.readString(properties.dataDir().resolve("pki/demo-root-ca.pem")))
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(awaitPersonalCertificates(activeAccounts().size()))
                .isGreaterThanOrEqualTo(activeAccounts().size());

        // Changes wait for the demo's documents (numbered in date order before anyone else's).
        Instant prepared = Instant.now().plus(Duration.ofMinutes(3));
        while (!preparations.underWay().isEmpty() && Instant.now().isBefore(prepared)) {
            Thread.sleep(500);
        }
        TestProvince province = new TestProvince(jdbc, encoder, port);
        ApiClient chairman = new ApiClient(port, province.tokenFor(chairmanName));
        ApiClient clerk = new ApiClient(port, province.tokenFor(DemoProvince.clerkOf(DemoProvince.COMMITTEE)));
        String fullName = jdbc.sql("select full_name from person where id = ?")
                .param(chairmanId)
                .query(String.class)
                .single();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", committee.toString());
        metadata.put("typeName", "Chỉ thị");
        metadata.put("subject", "Về tăng cường công tác chuyển đổi số");
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf(
                        "ct.pdf",
                        SamplePdf.withText(
                                "CHỈ THỊ",
                                "Về tăng cường công tác chuyển đổi số",
                                "CHỦ TỊCH",
                                "",
                                "",
                                "",
                                "",
                                fullName)),
                List.of());
        String id = (String) issued.get("id");

        var signed = chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));
        var sealed = clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(201);
        byte[] pdf = clerk.get(
                        "/api/v1/documents/" + id + "/files/" + DocumentSigningTests.fileId(issued.json(), "MAIN"))
                .bytes();
        var report =
                clerk.upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("ct.pdf", pdf));
        // A demo installation time-stamps its signatures at its own time-stamping service.
        assertThat(DocumentSigningTests.signatures(report.json())).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("result")).as(s.toString()).isEqualTo("TOTAL_PASSED");
            assertThat(s.get("level")).isEqualTo("PAdES-BASELINE-T");
            assertThat(s.get("timestampTime")).isNotNull();
        });
        assertThat(Poppler.pdfsig(pdf))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
        // Poppler trusting the demo root, asking the demo OCSP responder (by GET) as NSS does: the seal too.
        X509Certificate root = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(properties.dataDir().resolve("pki/demo-root-ca.pem")));
        assertThat(Poppler.pdfsig(pdf, Poppler.nssTrusting(root)))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s)
                        .contains("Signature Validation: Signature is Valid.")
                        .contains("Certificate Validation: Certificate is Trusted."));
    }

    @Test
    void eachUnitsCertificatesAreCommittedOnTheirOwnEvenWhenIssuedInsideTheListenersTransaction() throws Exception {
        UUID homeAffairs = jdbc.sql("select id from unit where legacy_code = ?")
                .param(DemoProvince.unit(DemoProvince.HOME_AFFAIRS).legacyCode())
                .query(UUID.class)
                .single();
        // Waits for the issuing begun at start (the method is synchronized), then loses one key store.
        demo.issueMissing();
        SigningCertificate lost = certificates.organizationOf(homeAffairs).orElseThrow();
        Files.delete(properties.dataDir().resolve(lost.keyStore()));

        TransactionTemplate listeners = new TransactionTemplate(transactions);
        TransactionTemplate another = new TransactionTemplate(transactions);
        another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Optional<SigningCertificate> seenElsewhere = listeners.execute(status -> {
            demo.issueMissing();
            // Committed already: what the unit's audit record locked (the chain) is free again for
            // every other official, while the listener's transaction goes on with the next units.
            return another.execute(other -> certificates.organizationOf(homeAffairs));
        });

        assertThat(seenElsewhere)
                .hasValueSatisfying(issued -> assertThat(issued.id()).isNotEqualTo(lost.id()));
    }

    @Test
    void theDemoOcspResponderAnswersTheGetFormOfRfc6960EvenWithSlashesInTheBase64() throws Exception {
        String chairmanName = DemoProvince.leaderOf(DemoProvince.COMMITTEE);
        X509Certificate leaf = awaitUsable(() -> certificates.personalOf(personId(chairmanName)))
                .x509();
        String ocsp = null;
        String issuerUrl = null;
        var aia = org.bouncycastle.asn1.x509.AuthorityInformationAccess.getInstance(
                org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils.parseExtensionValue(
                        leaf.getExtensionValue(Extension.authorityInfoAccess.getId())));
        for (var description : aia.getAccessDescriptions()) {
            String url = description.getAccessLocation().getName().toString();
            if (description.getAccessMethod().equals(org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp)) {
                ocsp = url;
            } else {
                issuerUrl = url;
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        X509Certificate issuer = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(http.send(
                                HttpRequest.newBuilder(URI.create(issuerUrl)).build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body()));
        var digests = new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build();
        var id = new org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID(
                digests.get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1), issuer, leaf.getSerialNumber());
        String base64;
        int nonce = 0;
        do {
            // A nonce changes the request until its base64 holds a slash, the case that broke the GET form.
            var builder = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(id);
            builder.setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(new Extension(
                    org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false,
                    new org.bouncycastle.asn1.DEROctetString(
                            BigInteger.valueOf(nonce++).toByteArray()))));
            base64 =
                    java.util.Base64.getEncoder().encodeToString(builder.build().getEncoded());
        } while (!base64.contains("/"));
        String encoded = base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");

        HttpResponse<byte[]> answer = http.send(
                HttpRequest.newBuilder(URI.create(ocsp + "/" + encoded)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
        var response = new org.bouncycastle.cert.ocsp.OCSPResp(answer.body());
        assertThat(response.getStatus()).isEqualTo(org.bouncycastle.cert.ocsp.OCSPResp.SUCCESSFUL);
        var basic = (org.bouncycastle.cert.ocsp.BasicOCSPResp) response.getResponseObject();
        assertThat(basic.getResponses()).singleElement().satisfies(single -> {
            assertThat(single.getCertID().getSerialNumber()).isEqualTo(leaf.getSerialNumber());
            assertThat(single.getCertStatus()).isEqualTo(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD);
        });
        // Encoded slashes stay refused everywhere else.
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents/a%2Fb"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theDemoTimeStampingServiceAnswersAnRfc3161QueryWithATokenFromItsTimeStampingCertificate() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("Công văn số 12".getBytes(StandardCharsets.UTF_8));
        TimeStampRequestGenerator queries = new TimeStampRequestGenerator();
        queries.setCertReq(true);
        TimeStampRequest query = queries.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(42));

        HttpResponse<byte[]> answer = timeStampService(query.getEncoded());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        TimeStampResponse response = new TimeStampResponse(answer.body());
        response.validate(query);
        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        TimeStampToken token = response.getTimeStampToken();
        X509Certificate tsa = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder)
                token.getCertificates().getMatches(token.getSID()).iterator().next());
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsa.getIssuerX500Principal().getName()).contains("CongVan Demo Issuing CA");
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(Duration.between(token.getTimeStampInfo().getGenTime().toInstant(), Instant.now())
                        .abs())
                .isLessThan(Duration.ofMinutes(5));

        TimeStampResponse refused = new TimeStampResponse(
                timeStampService("không phải".getBytes(StandardCharsets.UTF_8)).body());
        assertThat(refused.getStatus()).isEqualTo(PKIStatus.REJECTION);
    }

    HttpResponse<byte[]> timeStampService(byte[] query) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/pki/tsa"))
                                .header("Content-Type", "application/timestamp-query")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(query))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The demo accounts of units still in existence: those of a merged unit sign no more. */
    static List<String> activeAccounts() {
        return DemoProvince.accounts().stream()
                .filter(a -> DemoProvince.unit(a.unitKey()).validTo() == null)
                .map(DemoProvince.Account::username)
                .toList();
    }

    UUID personId(String username) {
        return jdbc.sql("select id from person where username = ?")
                .param(username)
                .query(UUID.class)
                .single();
    }

    /** How many demo accounts hold a personal certificate, once the background issuing reached the number. */
    long awaitPersonalCertificates(int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long issued;
        do {
            issued = jdbc.sql("select count(*) from signing_certificate where kind = 'PERSONAL' and person_id in "
                            + "(select id from person where username = any(?))")
                    .param((Object) activeAccounts().toArray(String[]::new))
                    .query(Long.class)
                    .single();
            if (issued < expected) {
                Thread.sleep(500);
            }
        } while (issued < expected && Instant.now().isBefore(deadline));
        return issued;
    }

    /** Waits for the background issuing of the demo certificates, done after the demo directory is seeded. */
    SigningCertificate awaitUsable(java.util.function.Supplier<java.util.Optional<SigningCertificate>> lookup)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            var found = lookup.get();
            if (found.isPresent() && keyStores.exists(found.get().keyStore())) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The demo certificates were not issued in time");
    }
}
