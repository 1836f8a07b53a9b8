package vn.congvan.signing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.congvan.Accessibility;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.SamplePdf;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.pki.IssuedCertificate;
import vn.congvan.signing.remote.RemoteSignaturePolling;

/**
 * The chairman signs and the clerk seals from the document's page, in a real browser; the chairman
 * signs with his PKI SIM, confirming on his phone, or not in time. Screenshots of the SIM's pages:
 * target/screenshots/signing/sim-*.png.
 */
@InTheBrowser
@CongVanTest
class SigningInTheBrowserTests {

    static final LocatorAssertions.ContainsTextOptions VALIDATED =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    /** The PKI SIMs' signing service; a signer has 30 seconds to confirm, so that "never" comes soon. */
    static final CscService SIM_SERVICE = new CscService();

    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    static Browser browser;

    @DynamicPropertySource
    static void theRemoteSigningService(DynamicPropertyRegistry properties) {
        properties.add("congvan.signing.remote.base-url", SIM_SERVICE::baseUrl);
        properties.add("congvan.signing.remote.username", () -> CscService.USERNAME);
        properties.add("congvan.signing.remote.password", () -> CscService.PASSWORD);
        properties.add("congvan.signing.remote.poll-interval", () -> "PT0.3S");
        properties.add("congvan.signing.remote.max-wait", MAX_WAIT::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    @Autowired
    PadesSigner signer;

    @BeforeAll
    static void openTheBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
        SIM_SERVICE.close();
    }

    @Autowired
    RemoteSignaturePolling polling;

    @Test
    void theChairmanSignsAndTheClerkSealsFromTheDocumentPage() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestSigners signers = new TestSigners(jdbc, certificates);
        TestProvince.Unit district = province.aUnit("Ủy ban nhân dân huyện Yên Dũng", "UBND");
        String chairman = province.anOfficial("Lý Văn Huyện", Role.LEADER, district.id());
        String clerk = province.anOfficial("Kiều Thị Thư", Role.CLERK, district.id());
        signers.personal(chairman, district.id(), district.name());
        signers.organization(district.id(), district.name());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", district.id().toString());
        metadata.put("typeName", "Kế hoạch");
        metadata.put("subject", "Kế hoạch chuyển đổi số năm 2027");
        String id = (String) new ApiClient(port, province.tokenFor(clerk))
                .multipart(
                        "/api/v1/documents/outgoing",
                        metadata,
                        FilePart.pdf(
                                "kh.pdf",
                                SamplePdf.withText(
                                        "KẾ HOẠCH",
                                        "Chuyển đổi số năm 2027",
                                        "CHỦ TỊCH",
                                        "",
                                        "",
                                        "",
                                        "",
                                        "Lý Văn Huyện")),
                        List.of())
                .get("id");

        Page page = signIn(chairman);
        // What the page asked is kept for the tab and checked.
        page.addInitScript(Browser.CONFIRM_YES);
        page.navigate("http://localhost:" + port + "/documents/" + id);
        assertThat(page.locator("#signing")).containsText("chưa có chữ ký số");
        page.click("#signing >> text=Ký số cá nhân");
        org.assertj.core.api.Assertions.assertThat((String) page.evaluate("sessionStorage.getItem('confirmed') || ''"))
                .isNotBlank();
        // The section validates the new version unless the background validation kept it already.
        assertThat(page.locator("#signing table")).containsText("Lý Văn Huyện", VALIDATED);
        assertThat(page.locator("#signing table")).containsText("Hợp lệ");

        Page clerkPage = signIn(clerk);
        clerkPage.addInitScript(Browser.CONFIRM_YES);
        clerkPage.navigate("http://localhost:" + port + "/documents/" + id);
        clerkPage.click("#signing >> text=Ký số cơ quan (đóng dấu)");
        org.assertj.core.api.Assertions.assertThat(
                        (String) clerkPage.evaluate("sessionStorage.getItem('confirmed') || ''"))
                .isNotBlank();
        assertThat(clerkPage.locator("#signing tbody tr"))
                .hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(clerkPage.locator("#signing tbody tr").nth(1)).containsText("Hợp lệ");
        clerkPage
                .locator("#signing")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(Path.of("target/signing/document-page-signatures.png")));
    }

    @Test
    void anOfficialChecksASignedPdfFromThePhoneMenuAndSeesWhyATamperedOneIsInvalid() throws IOException {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit commune = province.aUnit("Ủy ban nhân dân xã Nghĩa Phương", "UBND");
        String official = province.anOfficial("Ninh Văn Kiểm", Role.SPECIALIST, commune.id());
        byte[] signed = new SignedPdfs(signer)
                .signedBy(
                        TestPki.shared().person("Đào Văn Ký", "Sở Tư pháp tỉnh Bắc Giang"),
                        SamplePdf.withText("Quyết định cấp 500 m2 đất"));
        byte[] tampered = SignatureValidationTests.appendedText(signed, "Cấp 5000 m2 đất");

        Page page = signIn(official, true);
        page.click("label.nav-toggle-label");
        page.click(".mainnav >> text=Kiểm tra chữ ký số");
        page.setInputFiles("#file", new FilePayload("qd.pdf", "application/pdf", signed));
        page.click("#check-form button[type=submit]");
        assertThat(page.locator("#check-report")).containsText("Chữ ký hợp lệ", VALIDATED);
        assertThat(page.locator("#check-report")).containsText("Đào Văn Ký");
        assertThat(page.locator("#check-report")).containsText("Chữ ký số hợp lệ.");

        page.setInputFiles("#file", new FilePayload("qd-sua.pdf", "application/pdf", tampered));
        page.click("#check-form button[type=submit]");
        assertThat(page.locator("#check-report")).containsText("Có chữ ký không hợp lệ", VALIDATED);
        assertThat(page.locator("#check-report")).containsText("Văn bản đã bị sửa đổi sau khi ký");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/signing/check-on-a-phone.png")));
    }

    @Test
    void theIncomingListFlagsALetterChangedAfterSigningAsChanged() throws IOException {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit commune = province.aUnit("Ủy ban nhân dân xã Tiên Lục", "UBND");
        String clerk = province.anOfficial("Mạc Thị Đến", Role.CLERK, commune.id());
        byte[] signed = new SignedPdfs(signer)
                .signedBy(
                        TestPki.shared().person("Đào Văn Ký", "Sở Tư pháp tỉnh Bắc Giang"),
                        SamplePdf.withText("Cấp 500 m2 đất"));
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", commune.id().toString());
        metadata.put("typeName", "Công văn");
        metadata.put("codeNumber", "77");
        metadata.put("codeNotation", "STP-HCTP");
        metadata.put("issuedDate", java.time.LocalDate.now().minusDays(1).toString());
        metadata.put("organName", "Sở Tư pháp tỉnh Bắc Giang");
        metadata.put("subject", "Về việc cấp đất");
        var registered = new ApiClient(port, province.tokenFor(clerk))
                .multipart(
                        "/api/v1/documents/incoming",
                        metadata,
                        FilePart.pdf("cv.pdf", SignatureValidationTests.appendedText(signed, "Cấp 5000 m2 đất")),
                        List.of());
        String id = (String) registered.get("id");

        Page page = signIn(clerk);
        page.navigate("http://localhost:" + port + "/incoming?unitId=" + commune.id());
        // The verdict is kept in the background after registration; a reload shows it once kept.
        for (int attempt = 0;
                attempt < 50 && page.locator("#signature-flag-" + id + ".badge").count() == 0;
                attempt++) {
            page.waitForTimeout(200);
            page.reload();
        }
        assertThat(page.locator("#signature-flag-" + id)).hasText("Văn bản bị sửa sau khi ký");
    }

    @Test
    void thePluginPageHandsOverTheRequestAndSaysPlainlyWhenThePluginIsNotRunning() {
        // Nothing listens on the plug-in's port on a test machine: the page must say so, not hang.
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit district = province.aUnit("Ủy ban nhân dân huyện Lục Nam", "UBND");
        String chairman = province.anOfficial("Hà Văn Lục", Role.LEADER, district.id());
        String clerk = province.anOfficial("Đỗ Thị Nam", Role.CLERK, district.id());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", district.id().toString());
        metadata.put("typeName", "Quyết định");
        metadata.put("subject", "Quyết định thành lập tổ công tác");
        String id = (String) new ApiClient(port, province.tokenFor(clerk))
                .multipart(
                        "/api/v1/documents/outgoing",
                        metadata,
                        FilePart.pdf("qd.pdf", SamplePdf.withText("QUYẾT ĐỊNH", "CHỦ TỊCH", "", "Hà Văn Lục")),
                        List.of())
                .get("id");

        Page page = signIn(chairman);
        page.navigate("http://localhost:" + port + "/documents/" + id);
        page.click("#signing >> text=Ký bằng USB token");
        assertThat(page.locator("h1")).hasText("Ký số bằng USB token");
        page.click("#plugin-start");

        assertThat(page.locator("#plugin-status")).containsText("Không kết nối được với phần mềm ký số");
        assertThat(page.locator("#plugin-request"))
                .containsText("\"FileUploadHandler\": \"http://localhost:" + port + "/plugin/uploads\"");
        assertThat(page.locator("#plugin-request")).containsText("/plugin/files/");
        assertThat(page.locator("#plugin-request")).containsText("(PNG, ");
    }

    @ParameterizedTest(name = "on a phone: {0}")
    @ValueSource(booleans = {false, true})
    void theChairmanSignsWithHisPkiSimInOneClickAndConfirmsOnHisPhone(boolean phone) throws Exception {
        String viewport = phone ? "phone" : "desktop";
        SimSigner chairman = phone
                ? aChairmanWithHisKeyOnASim("Ủy ban nhân dân xã Tân Sỏi", "Thân Văn Sỏi")
                : aChairmanWithHisKeyOnASim("Ủy ban nhân dân huyện Lạng Giang", "Giáp Văn Giang");
        String id = chairman.decisions().issue();
        int signHashCalls = SIM_SERVICE.signHashCalls();

        Page page = signIn(chairman.username(), phone);
        page.navigate("http://localhost:" + port + "/documents/" + id);
        Locator sim = page.locator("#signing form.remote-signing button");
        assertThat(sim).hasText("Ký bằng SIM PKI");
        assertThat(page.locator("#signing")).not().containsText("Ký số cá nhân");
        // The one click (a double one: it must ask the phone once).
        sim.dblclick();

        assertThat(page.locator("#remote-wait h2")).hasText("Xác nhận trên điện thoại của bạn");
        Locator timeLeft = page.locator("#remote-time-left");
        assertThat(timeLeft).hasText(Pattern.compile("0:[0-3]\\d"));
        String shown = timeLeft.textContent();
        // Live: the time left counts down while the page waits.
        assertThat(timeLeft).not().hasText(shown, new LocatorAssertions.HasTextOptions().setTimeout(5_000));
        org.assertj.core.api.Assertions.assertThat(SIM_SERVICE.signHashCalls())
                .as("a double click asks the phone once")
                .isEqualTo(signHashCalls + 1);
        screenshot(page, "sim-wait-" + viewport);
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page))
                .isEmpty();

        try (var node = aNodePollingTheService()) {
            SIM_SERVICE.confirmOnThePhone();
            page.waitForURL(url -> url.contains("/documents/" + id), new Page.WaitForURLOptions().setTimeout(30_000));
        }
        assertThat(page.locator("#step-done")).hasText("Đã ký số bằng SIM PKI: chữ ký đã được thêm vào văn bản.");
        assertThat(page.locator("#signing table")).containsText(chairman.fullName(), VALIDATED);
        assertThat(page.locator("#signing table")).containsText("Hợp lệ");
        assertThat(page.locator("#signing form.remote-signing")).hasCount(0);
        // What the official sees on arriving: the words that say it is signed, the signature below.
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/signing/sim-signed-" + viewport + ".png")));
        assertThat(page.locator("#step-done")).isInViewport();
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page))
                .isEmpty();
    }

    @Test
    void theLastApproverApprovesAndSignsWithHisPkiSimFromTheDraftOnHisPhone() throws Exception {
        SimSigner chairman = aChairmanWithHisKeyOnASim("Ủy ban nhân dân xã Phi Mô", "Ngô Văn Phi");
        String draft = aSubmittedDraft(chairman, "Về việc tổ chức ngày hội đại đoàn kết năm 2027");

        Page page = signIn(chairman.username(), true);
        page.addInitScript(Browser.CONFIRM_YES);
        page.navigate("http://localhost:" + port + "/drafts/" + draft);
        // The one click, and the one question of an approval.
        page.click("#approve-and-sign-on-phone");
        org.assertj.core.api.Assertions.assertThat((String) page.evaluate("sessionStorage.getItem('confirmed') || ''"))
                .contains("SIM PKI");
        assertThat(page.locator("#remote-wait h2")).hasText("Xác nhận trên điện thoại của bạn");
        screenshot(page, "sim-wait-draft-phone");

        try (var node = aNodePollingTheService()) {
            SIM_SERVICE.confirmOnThePhone();
            page.waitForURL(url -> url.contains("/documents/"), new Page.WaitForURLOptions().setTimeout(30_000));
        }
        assertThat(page.locator("#step-done")).hasText("Đã ký số bằng SIM PKI: chữ ký đã được thêm vào văn bản.");
        assertThat(page.locator("#signing table")).containsText(chairman.fullName(), VALIDATED);
    }

    @Test
    void aSignerWhoNeverConfirmsIsToldSoTheDocumentStaysUnsignedAndHeMayAskAgain() throws Exception {
        SimSigner chairman = aChairmanWithHisKeyOnASim("Ủy ban nhân dân xã Đại Lâm", "Lâm Văn Đại");
        String id = chairman.decisions().issue();

        Page page = signIn(chairman.username(), true);
        page.navigate("http://localhost:" + port + "/documents/" + id);
        page.click("#signing form.remote-signing button");
        assertThat(page.locator("#remote-wait")).isVisible();

        try (var node = aNodePollingTheService()) {
            assertThat(page.locator("#remote-problem"))
                    .hasText(
                            "Hết thời gian chờ xác nhận trên điện thoại; văn bản chưa được ký.",
                            new LocatorAssertions.HasTextOptions()
                                    .setTimeout(MAX_WAIT.plusSeconds(20).toMillis()));
        }
        assertThat(page.locator("#remote-wait")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(chairman.decisions().laterVersionsOf(id))
                .isZero();
        screenshot(page, "sim-expired-phone");
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page))
                .isEmpty();

        // Asked again, and confirmed this time.
        page.click("#remote-retry button");
        assertThat(page.locator("#remote-wait h2")).hasText("Xác nhận trên điện thoại của bạn");
        try (var node = aNodePollingTheService()) {
            SIM_SERVICE.confirmOnThePhone();
            page.waitForURL(url -> url.contains("/documents/" + id), new Page.WaitForURLOptions().setTimeout(30_000));
        }
        assertThat(page.locator("#step-done")).containsText("Đã ký số bằng SIM PKI");
        org.assertj.core.api.Assertions.assertThat(chairman.decisions().laterVersionsOf(id))
                .isEqualTo(1);
    }

    /** A chairman whose personal key is on his PKI SIM only, registered with the SIM's service. */
    record SimSigner(
            String username, String fullName, Decisions decisions, TestProvince province, TestProvince.Unit unit) {}

    SimSigner aChairmanWithHisKeyOnASim(String unitName, String fullName) {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit(unitName, "UBND");
        String username = province.anOfficial(fullName, Role.LEADER, unit.id());
        ApiClient chairman = new ApiClient(port, province.tokenFor(username));
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư " + fullName, Role.CLERK, unit.id())));
        IssuedCertificate sim = TestPki.shared().person(fullName, unit.name());
        var registered = chairman.postJson(
                "/api/v1/people/" + province.personId(username) + "/certificates",
                CertificateRegisterTests.body(sim, "PKI_SIM", SIM_SERVICE.holds(sim)));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        return new SimSigner(username, fullName, new Decisions(clerk, jdbc, unit.id(), fullName), province, unit);
    }

    /** A draft of the unit's specialist, submitted: the chairman is its one approver. */
    String aSubmittedDraft(SimSigner chairman, String subject) {
        ApiClient specialist = new ApiClient(
                port,
                chairman.province()
                        .tokenFor(chairman.province()
                                .anOfficial(
                                        "Chuyên Viên " + chairman.fullName(),
                                        Role.SPECIALIST,
                                        chairman.unit().id())));
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", chairman.unit().id().toString());
        metadata.put("typeName", "Kế hoạch");
        metadata.put("subject", subject);
        metadata.put("recipients", List.of(Map.of("organName", "Ủy ban Mặt trận Tổ quốc tỉnh Bắc Giang")));
        var created = specialist.multipart(
                "/api/v1/drafts",
                metadata,
                FilePart.pdf(
                        "ke-hoach.pdf",
                        SamplePdf.withText("KẾ HOẠCH", subject, "CHỦ TỊCH", "", "", "", chairman.fullName())),
                List.of());
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        String draft = (String) created.get("id");
        var submitted = specialist.postJson("/api/v1/drafts/" + draft + "/submission", Map.of());
        org.assertj.core.api.Assertions.assertThat(submitted.status())
                .as(submitted.body())
                .isEqualTo(200);
        return draft;
    }

    /** Polls the SIMs' service as every node's scheduled job does (test contexts run no jobs of their own). */
    AutoCloseable aNodePollingTheService() {
        ScheduledExecutorService node = Executors.newSingleThreadScheduledExecutor();
        node.scheduleWithFixedDelay(polling::pollDue, 0, 300, TimeUnit.MILLISECONDS);
        return node::shutdownNow;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/signing/" + name + ".png"))
                .setFullPage(true));
    }

    Page signIn(String username) {
        return signIn(username, false);
    }

    Page signIn(String username, boolean phone) {
        Page page = browser.newPage(phone);
        Browser.signIn(page, "http://localhost:" + port + "/login", username);
        return page;
    }
}
