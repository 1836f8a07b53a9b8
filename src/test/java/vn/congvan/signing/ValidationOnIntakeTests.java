package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.validation.TrustAnchors;

/**
 * Every PDF entering a document is validated in the background once it is registered, and the
 * verdict is kept with the file's content and read back through the API.
 */
@CongVanTest
class ValidationOnIntakeTests {

    static final String SENDER = "Sở Tài chính tỉnh Bắc Giang";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    PadesSigner signer;

    @Autowired
    SigningCertificates certificates;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService officials;

    final TestPki pki = TestPki.shared();
    TestProvince province;
    TestProvince.Unit district;
    String clerkName;
    ApiClient clerk;
    SignedPdfs pdfs;

    @BeforeEach
    void aDistrictWhoseClerkRegistersWhatArrives() {
        province = new TestProvince(jdbc, encoder, port);
        district = province.aUnit("Ủy ban nhân dân huyện Lục Nam", "UBND");
        clerkName = province.anOfficial("Vi Thị Đến", Role.CLERK, district.id());
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        pdfs = new SignedPdfs(signer);
    }

    @Test
    void aSignedLetterThatArrivesIsValidatedOnceRegisteredAndItsVerdictKept() {
        byte[] signed = pdfs.signedBy(pki.person("Lương Văn Tài", SENDER), SamplePdf.withText("Công văn số 12"));
        Map<String, Object> letter =
                arrives(signed, List.of(FilePart.pdf("phu-luc.pdf", SamplePdf.withText("Phụ lục"))));

        awaitValidated(letter);
        var answer = clerk.get("/api/v1/documents/" + letter.get("id") + "/signature-validation");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Map<String, Object>> files = files(answer.json());
        assertThat(files).hasSize(2);
        Map<String, Object> main = files.get(0);
        assertThat(main.get("role")).isEqualTo("MAIN");
        assertThat(main.get("verdict")).isEqualTo("ALL_VALID");
        assertThat(main.get("signatureCount")).isEqualTo(1);
        assertThat(Instant.parse((String) main.get("validatedAt")))
                .isAfter(Instant.now().minus(Duration.ofHours(1)));
        Map<String, Object> check = DocumentSigningTests.signatures(main).get(0);
        assertThat(check.get("signerName")).isEqualTo("Lương Văn Tài");
        assertThat(check.get("unit")).isEqualTo(SENDER);
        assertThat(check.get("level")).isEqualTo("PAdES-BASELINE-B");
        assertThat(check.get("result")).isEqualTo("TOTAL_PASSED");
        assertThat(check.get("reason")).isEqualTo("Chữ ký số hợp lệ.");
        assertThat(files.get(1).get("verdict")).isEqualTo("UNSIGNED");
        assertThat(files.get(1).get("signatureCount")).isEqualTo(0);
    }

    @Test
    void aLetterChangedAfterItWasSignedIsKeptAsInvalidWithTheReason() throws IOException {
        byte[] signed = pdfs.signedBy(pki.person("Lương Văn Tài", SENDER), SamplePdf.withText("Cấp 500 m2 đất"));
        Map<String, Object> letter =
                arrives(SignatureValidationTests.appendedText(signed, "Cấp 5000 m2 đất"), List.of());

        awaitValidated(letter);
        var answer = clerk.inEnglish().get("/api/v1/documents/" + letter.get("id") + "/signature-validation");

        Map<String, Object> main = files(answer.json()).get(0);
        assertThat(main.get("verdict")).isEqualTo("SOME_INVALID");
        Map<String, Object> check = DocumentSigningTests.signatures(main).get(0);
        assertThat(check.get("result")).isEqualTo("TOTAL_FAILED");
        assertThat(check.get("reasonCode")).isEqualTo("signing.reason.changed-after-signing");
        assertThat((String) check.get("reason")).startsWith("The document was changed after it was signed");
    }

    @Test
    void theIncomingListFlagsTheLetterWhoseSignatureIsInvalidAndNotTheOthers() throws Exception {
        byte[] signed = pdfs.signedBy(pki.person("Lương Văn Tài", SENDER), SamplePdf.withText("Cấp 500 m2 đất"));
        Map<String, Object> changed =
                arrives(SignatureValidationTests.appendedText(signed, "Cấp 5000 m2 đất"), List.of());
        Map<String, Object> intact = arrives(signed, List.of());
        awaitValidated(changed);
        awaitValidated(intact);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        Official official = (Official) officials.loadUserByUsername(clerkName);

        String list = mvc.perform(get("/incoming")
                        .servletPath("/incoming")
                        .param("unitId", district.id().toString())
                        .with(user(official)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String flags = mvc.perform(get("/signatures/flags")
                        .param("document", (String) changed.get("id"))
                        .param("document", (String) intact.get("id"))
                        .with(user(official)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(list).contains("id=\"signature-flag-" + changed.get("id") + "\"", "/signatures/flags?document=");
        assertThat(flags)
                .contains(
                        "id=\"signature-flag-" + changed.get("id") + "\"",
                        "hx-swap-oob=\"true\"",
                        "data-flag=\"ALTERED\"",
                        "Văn bản bị sửa sau khi ký")
                .doesNotContain((String) intact.get("id"));
    }

    @Test
    void aLetterRegisteredBeforeItsAuthorityWasTrustedNoLongerSaysUntrustedOnceTheAnchorIsConfigured(
            @Autowired TrustAnchors anchors) {
        TestPki otherProvince = TestPki.started("tinh-khac-" + System.nanoTime(), "Tỉnh Khác");
        try {
            byte[] signed = pdfs.signedBy(otherProvince.person("Lương Văn Xa", SENDER), SamplePdf.withText("Công văn"));
            Map<String, Object> letter = arrives(signed, List.of());
            awaitValidated(letter);
            Map<String, Object> before = files(
                            clerk.get("/api/v1/documents/" + letter.get("id") + "/signature-validation")
                                    .json())
                    .get(0);
            assertThat(before.get("verdict")).isEqualTo("INDETERMINATE");
            assertThat(DocumentSigningTests.signatures(before).get(0).get("reasonCode"))
                    .isEqualTo("signing.reason.untrusted");
            assertThat(before.get("trustList")).isEqualTo(anchors.fingerprint());

            anchors.trust(otherProvince.root());
            Map<String, Object> after = files(
                            clerk.get("/api/v1/documents/" + letter.get("id") + "/signature-validation")
                                    .json())
                    .get(0);

            assertThat(after.get("verdict")).isEqualTo("ALL_VALID");
            assertThat(after.get("trustList")).isEqualTo(anchors.fingerprint()).isNotEqualTo(before.get("trustList"));
            assertThat(jdbc.sql("select trust_list from signature_validation where sha256 = ?")
                            .param((String) after.get("sha256"))
                            .query(String.class)
                            .single())
                    .isEqualTo(anchors.fingerprint());
        } finally {
            otherProvince.stop();
        }
    }

    @Test
    void aKeptVerdictIsMadeAgainOnDemandByAnyoneWhoMayReadTheDocumentAndOnlyThem() {
        var signer = pki.person("Lương Văn Thu Hồi", SENDER);
        Map<String, Object> letter = arrives(pdfs.signedBy(signer, SamplePdf.withText("Công văn")), List.of());
        awaitValidated(letter);
        String path = "/api/v1/documents/" + letter.get("id") + "/signature-validation";
        assertThat(files(clerk.get(path).json()).get(0).get("verdict")).isEqualTo("ALL_VALID");
        pki.revoke(signer.certificate());
        assertThat(files(clerk.get(path).json()).get(0).get("verdict"))
                .as("kept")
                .isEqualTo("ALL_VALID");
        ApiClient stranger = new ApiClient(
                port,
                province.tokenFor(province.anOfficial(
                        "Hà Văn Ngoài",
                        Role.CLERK,
                        province.aUnit("Ủy ban nhân dân huyện Khác", "UBND").id())));

        var refused = stranger.postJson(path, Map.of());
        var revalidated = clerk.postJson(path, Map.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(revalidated.status()).as(revalidated.body()).isEqualTo(200);
        Map<String, Object> main = files(revalidated.json()).get(0);
        assertThat(main.get("verdict")).isIn("SOME_INVALID", "INDETERMINATE");
        assertThat(DocumentSigningTests.signatures(main).get(0).get("reasonCode"))
                .isEqualTo("signing.reason.revoked");
    }

    @Test
    void aVerdictMadeWhileTheCertificateIsValidIsDueAgainWhenItExpires() {
        var signer = pki.person("Lương Văn Hạn", SENDER);
        Map<String, Object> letter = arrives(pdfs.signedBy(signer, SamplePdf.withText("Công văn")), List.of());
        awaitValidated(letter);
        String sha256 = (String) ((Map<?, ?>) ((List<?>) letter.get("files")).get(0)).get("sha256");

        Instant due = jdbc.sql("select revalidate_after from signature_validation where sha256 = ?")
                .param(sha256)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();

        assertThat(due).isEqualTo(signer.certificate().getNotAfter().toInstant().plusSeconds(1));
    }

    @Test
    void theVersionSignedHereIsValidatedToo() {
        TestSigners signers = new TestSigners(jdbc, certificates);
        String chairmanName = province.anOfficial("Chu Văn Huyện", Role.LEADER, district.id());
        signers.personal(chairmanName, district.id(), district.name());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", district.id().toString());
        metadata.put("typeName", "Thông báo");
        metadata.put("subject", "Về lịch trực Tết");
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf("tb.pdf", SamplePdf.withText("THÔNG BÁO", "CHỦ TỊCH", "", "", "Chu Văn Huyện")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = (String) issued.get("id");
        var signed = new ApiClient(port, province.tokenFor(chairmanName))
                .postJson("/api/v1/documents/" + id + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);

        awaitValidated((String) signed.get("sha256"));
        Map<String, Object> main = files(clerk.get("/api/v1/documents/" + id + "/signature-validation")
                        .json())
                .get(0);

        assertThat(main.get("sha256")).isEqualTo(signed.get("sha256"));
        assertThat(main.get("verdict")).isEqualTo("ALL_VALID");
        assertThat(DocumentSigningTests.signatures(main).get(0).get("signerName"))
                .isEqualTo("Chu Văn Huyện");
    }

    @Test
    void theVerdictOnASecretLetterIsHiddenFromThoseWhoMayNotReadIt() {
        Map<String, Object> metadata = letter();
        metadata.put("confidentiality", 1);
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                metadata,
                FilePart.pdf("mat.pdf", pdfs.signedBy(pki.person("Lương Văn Tài", SENDER), SamplePdf.withText("Mật"))),
                List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        ApiClient colleague = new ApiClient(
                port, province.tokenFor(province.anOfficial("Hà Văn Khác", Role.SPECIALIST, district.id())));

        var refused = colleague.get("/api/v1/documents/" + registered.get("id") + "/signature-validation");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.get("code")).isEqualTo("registry.document.not-found");
        assertThat(clerk.get("/api/v1/documents/" + registered.get("id") + "/signature-validation")
                        .status())
                .isEqualTo(200);
    }

    Map<String, Object> arrives(byte[] pdf, List<FilePart> attachments) {
        var registered =
                clerk.multipart("/api/v1/documents/incoming", letter(), FilePart.pdf("cv.pdf", pdf), attachments);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json();
    }

    Map<String, Object> letter() {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", district.id().toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", Integer.toString(1 + (int) (Math.random() * 9000)));
        m.put("codeNotation", "STC-NS");
        m.put("issuedDate", LocalDate.now().minusDays(1).toString());
        m.put("organName", SENDER);
        m.put("subject", "Về việc bổ sung dự toán ngân sách");
        return m;
    }

    /** Waits until the background validation kept a verdict on every file of the document. */
    void awaitValidated(Map<String, Object> document) {
        for (Object file : (List<?>) document.get("files")) {
            awaitValidated((String) ((Map<?, ?>) file).get("sha256"));
        }
    }

    void awaitValidated(String sha256) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (jdbc.sql("select count(*) from signature_validation where sha256 = ?")
                        .param(sha256)
                        .query(Integer.class)
                        .single()
                == 0) {
            assertThat(Instant.now()).as("validation of " + sha256).isBefore(giveUp);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> files(Map<String, Object> validation) {
        return (List<Map<String, Object>>) validation.get("files");
    }
}
