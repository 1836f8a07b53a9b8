package vn.congvan.signing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
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
import vn.congvan.SamplePdf;
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;

/** The chairman signs and the clerk seals from the document's page, in a real browser. */
@CongVanTest
class SigningInTheBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

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
        String id = (String) new ApiClient(port, province.tokenFor(clerk)).multipart("/api/v1/documents/outgoing",
                        metadata, FilePart.pdf("kh.pdf", SamplePdf.withText("KẾ HOẠCH", "Chuyển đổi số năm 2027",
                                "CHỦ TỊCH", "", "", "", "", "Lý Văn Huyện")), List.of())
                .get("id");

        Page page = signIn(chairman);
        page.navigate("http://localhost:" + port + "/documents/" + id);
        assertThat(page.locator("#signing")).containsText("chưa có chữ ký số");
        page.onDialog(dialog -> dialog.accept());
        page.click("#signing >> text=Ký số cá nhân");
        assertThat(page.locator("#signing table")).containsText("Lý Văn Huyện");
        assertThat(page.locator("#signing table")).containsText("Hợp lệ");

        Page clerkPage = signIn(clerk);
        clerkPage.navigate("http://localhost:" + port + "/documents/" + id);
        clerkPage.onDialog(dialog -> dialog.accept());
        clerkPage.click("#signing >> text=Ký số cơ quan (đóng dấu)");
        assertThat(clerkPage.locator("#signing tbody tr")).hasCount(2);
        assertThat(clerkPage.locator("#signing tbody tr").nth(1)).containsText("Hợp lệ");
        clerkPage.locator("#signing").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(Path.of("target/signing/document-page-signatures.png")));
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
        String id = (String) new ApiClient(port, province.tokenFor(clerk)).multipart("/api/v1/documents/outgoing",
                        metadata, FilePart.pdf("qd.pdf", SamplePdf.withText("QUYẾT ĐỊNH", "CHỦ TỊCH", "",
                                "Hà Văn Lục")), List.of())
                .get("id");

        Page page = signIn(chairman);
        page.navigate("http://localhost:" + port + "/documents/" + id);
        page.click("#signing >> text=Ký bằng USB token");
        assertThat(page.locator("h1")).hasText("Ký số bằng USB token");
        page.click("#plugin-start");

        assertThat(page.locator("#plugin-status")).containsText("Không kết nối được với phần mềm ký số");
        assertThat(page.locator("#plugin-request")).containsText("\"FileUploadHandler\": \"http://localhost:"
                + port + "/plugin/uploads\"");
        assertThat(page.locator("#plugin-request")).containsText("/plugin/files/");
        assertThat(page.locator("#plugin-request")).containsText("(PNG, ");
    }

    Page signIn(String username) {
        Page page = browser.newPage(false);
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#username", username);
        page.fill("#password", TestDatabaseInitializer.DEMO_PASSWORD);
        page.click("button[type=submit]");
        return page;
    }
}
