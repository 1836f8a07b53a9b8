package vn.congvan.signing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
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

/** The chairman signs and the clerk seals from the document's page, in a real browser. */
@InTheBrowser
@CongVanTest
class SigningInTheBrowserTests {

    static final LocatorAssertions.ContainsTextOptions VALIDATED =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    static Browser browser;

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
    }

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

    Page signIn(String username) {
        return signIn(username, false);
    }

    Page signIn(String username, boolean phone) {
        Page page = browser.newPage(phone);
        Browser.signIn(page, "http://localhost:" + port + "/login", username);
        return page;
    }
}
