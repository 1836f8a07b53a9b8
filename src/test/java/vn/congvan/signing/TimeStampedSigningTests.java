package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.Poppler;
import vn.congvan.SamplePdf;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.pki.IssuedCertificate;

/** An installation that signs at PAdES B-LT, time-stamped by the test PKI's time-stamping service over HTTP. */
@CongVanTest
class TimeStampedSigningTests {

    @DynamicPropertySource
    static void signAtLongTermLevel(DynamicPropertyRegistry registry) {
        registry.add("congvan.signing.tsa-url", () -> TestPki.shared().tsaUrl());
        registry.add("congvan.signing.level", () -> "B-LT");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    final TestPki pki = TestPki.shared();
    TestProvince.Unit committee;
    ApiClient chairman;
    ApiClient deputy;
    ApiClient clerk;
    Decisions decisions;
    IssuedCertificate deputysToken;

    @BeforeEach
    void aCommitteeWhoseOfficialsHoldCertificates() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestSigners signers = new TestSigners(jdbc, certificates);
        committee = province.aUnit("Ủy ban nhân dân huyện Yên Thế", "UBND");
        String chairmanName = province.anOfficial("Ngô Văn Trường", Role.LEADER, committee.id());
        String deputyName = province.anOfficial("Vũ Thị Hạnh", Role.DEPUTY_LEADER, committee.id());
        String clerkName = province.anOfficial("Đinh Thị Lưu", Role.CLERK, committee.id());
        signers.personal(chairmanName, committee.id(), committee.name());
        deputysToken = signers.personalKeptByTheSigner(deputyName, committee.id(), committee.name());
        signers.organization(committee.id(), committee.name());
        chairman = new ApiClient(port, province.tokenFor(chairmanName));
        deputy = new ApiClient(port, province.tokenFor(deputyName));
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        decisions = new Decisions(clerk, jdbc, committee.id(), "Ngô Văn Trường");
    }

    @Test
    void aLongTermPersonalSignatureThenTheSealAreBothValidAndTimeStampedForDssAndPoppler() {
        Map<String, Object> decision = decisions.issue("Ngô Văn Trường");
        String id = (String) decision.get("id");
        int stampsBefore = pki.timeStamps();

        var personal = chairman.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(personal.status()).as(personal.body()).isEqualTo(201);
        var seal = clerk.postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "ORGANIZATION"));
        assertThat(seal.status()).as(seal.body()).isEqualTo(201);

        assertThat(pki.timeStamps()).isGreaterThanOrEqualTo(stampsBefore + 2);
        byte[] pdf = clerk.get("/api/v1/documents/" + id + "/files/" + DocumentSigningTests.fileId(decision, "MAIN"))
                .bytes();
        List<Map<String, Object>> signatures = validated(pdf);
        assertThat(signatures).hasSize(2).allSatisfy(this::validLongTermAndTimeStamped);
        assertThat(signatures.get(0).get("signerName")).isEqualTo("Ngô Văn Trường");
        assertThat(signatures.get(1).get("signerName")).isEqualTo(committee.name());
        assertThat(Poppler.pdfsig(pdf))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
    }

    @Test
    void aSignatureMadeInTwoStepsWithTheSignersTokenIsTimeStampedToo() {
        String id = (String) decisions.issue("Vũ Thị Hạnh").get("id");
        List<String> chain = new ArrayList<>();
        for (X509Certificate certificate : deputysToken.chain()) {
            chain.add(der(certificate));
        }
        var prepared = deputy.postJson(
                "/api/v1/documents/" + id + "/signature-sessions",
                Map.of("kind", "PERSONAL", "certificate", der(deputysToken.certificate()), "chain", chain));
        assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);

        var completed = deputy.postJson(
                "/api/v1/signature-sessions/" + prepared.get("sessionId"),
                Map.of("signatureValue", signedByToken((String) prepared.get("dataToSign"))));
        assertThat(completed.status()).as(completed.body()).isEqualTo(201);

        Map<String, Object> document = clerk.get("/api/v1/documents/" + id).json();
        byte[] pdf = clerk.get("/api/v1/documents/" + id + "/files/" + DocumentSigningTests.fileId(document, "MAIN"))
                .bytes();
        assertThat(validated(pdf)).singleElement().satisfies(this::validLongTermAndTimeStamped);
        assertThat(Poppler.pdfsig(pdf))
                .singleElement()
                .satisfies(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
    }

    @Test
    void aSigningTimeWrittenAsVietnamTimeInUtcIsToleratedAndFlagged(@Autowired PadesSigner signer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // The tool read 14:05 on a Vietnamese clock and wrote 14:05Z: seven hours ahead of the time-stamp.
        byte[] signed = new SignedPdfs(signer)
                .signedBy(
                        pki.person("Hà Văn Giờ", committee.name()),
                        SamplePdf.withText("Giấy mời"),
                        now.plus(Duration.ofHours(7)));

        Map<String, Object> check = clerk.inEnglish()
                .upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("giay-moi.pdf", signed))
                .json();
        Map<String, Object> signature = DocumentSigningTests.signatures(check).get(0);

        assertThat(signature.get("result")).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("timestampTime")).isNotNull();
        assertThat((String) signature.get("note"))
                .startsWith("The signing time the signing tool wrote is 7 hours " + "after the time-stamp");
    }

    @Test
    void aSignatureTimeStampedWhileItsCertificateWasValidStaysValidAfterTheCertificateExpires(
            @Autowired PadesSigner signer) throws InterruptedException {
        // A first certificate issued and signed with as the last, time-stamp included, measures what
        // the machine takes now; the short-lived certificate is then valid five times that (five
        // seconds at least), and expires soon after its signature is made.
        long began = System.nanoTime();
        var lasting = pki.person("Đào Văn Dài", committee.name());
        new SignedPdfs(signer).signedBy(lasting, SamplePdf.withText("Giấy mời họp trước"));
        Duration signing = Duration.ofNanos(System.nanoTime() - began);
        Instant now = Instant.now();
        var shortLived = pki.issue(
                vn.congvan.signing.pki.Subject.person("Đào Văn Ngắn", committee.name()),
                vn.congvan.signing.pki.KeyAlgorithm.RSA_2048,
                now.minus(Duration.ofHours(1)),
                now.plus(max(Duration.ofSeconds(5), signing.multipliedBy(5))));
        byte[] stamped = new SignedPdfs(signer).signedBy(shortLived, SamplePdf.withText("Giấy mời họp"));
        while (Instant.now()
                .isBefore(shortLived.certificate().getNotAfter().toInstant().plusSeconds(2))) {
            Thread.sleep(500);
        }

        Map<String, Object> signature = DocumentSigningTests.signatures(clerk.inEnglish()
                        .upload(
                                HttpMethod.POST,
                                "/api/v1/signature-validations",
                                "file",
                                FilePart.pdf("giay-moi.pdf", stamped))
                        .json())
                .get(0);

        assertThat(signature.get("timestampTime")).isNotNull();
        assertThat(signature.get("result")).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("reasonCode")).isIn("signing.reason.valid", "signing.reason.valid-timestamped");
        assertThat(signature.get("integrity")).isEqualTo("INTACT");
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void validLongTermAndTimeStamped(Map<String, Object> signature) {
        assertThat(signature.get("result")).as(signature.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.get("level")).isEqualTo("PAdES-BASELINE-LT");
        assertThat((String) signature.get("timestampTime")).endsWith("+07:00");
        assertThat(signature.get("note")).isNull();
    }

    private List<Map<String, Object>> validated(byte[] pdf) {
        var report =
                clerk.upload(HttpMethod.POST, "/api/v1/signature-validations", "file", FilePart.pdf("qd.pdf", pdf));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return DocumentSigningTests.signatures(report.json());
    }

    /** What the deputy's token does: signs the data with the key that never leaves it. */
    private String signedByToken(String dataToSign) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(deputysToken.privateKey());
            signature.update(Base64.getDecoder().decode(dataToSign));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
