package vn.congvan.registry.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.TestProvince;

/** A clerk keeps a dossier in a real browser: plan it, open it, file a document, close it, export it. */
@InTheBrowser
@CongVanTest
class DossierInTheBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    static void openTheBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    Page signedIn(TestOffice office, boolean phone) {
        Page page = browser.newPage(phone);
        Browser.signIn(page, "http://localhost:" + port + "/login?lang=vi", office.clerkUsername);
        return page;
    }

    @Test
    void aClerkPlansOpensFillsClosesAndExportsADossier() throws Exception {
        TestOffice office =
                new TestOffice(new TestProvince(jdbc, encoder, port), port, "Ủy ban nhân dân xã Tân Mộc", "UBND");
        office.anArrival()
                .numbered("45", "QĐ-UBND")
                .about("Về việc công nhận xã đạt chuẩn nông thôn mới")
                .registered();
        Page page = signedIn(office, false);
        // The confirmation is answered in the page itself, for every page opened from here on.
        page.addInitScript("window.confirm = () => true;");

        page.click("nav >> text=Hồ sơ");
        assertThat(page.locator("h1")).hasText("Hồ sơ công việc");
        page.fill("#plan-notation", "01.NTM");
        page.fill("#plan-title", "Hồ sơ xây dựng nông thôn mới");
        page.fill("#plan-maintenance", "Vĩnh viễn");
        page.click("#plan-item button[type=submit]");
        assertThat(page.locator("table.list")).containsText("01.NTM");

        page.selectOption("#filePlanItemId", new SelectOption().setIndex(1));
        page.click("#open-dossier button.primary");
        assertThat(page.locator("h1")).hasText("Hồ sơ xây dựng nông thôn mới");
        assertThat(page.locator(".badge").first()).hasText("Đang lập");

        page.waitForLoadState(); // htmx wires the search box once the page has loaded
        page.fill("#candidate-q", "cong nhan dat chuan");
        page.locator("#candidates button").click();
        assertThat(page.locator("#dossier-documents")).containsText("45/QĐ-UBND");
        assertThat(page.locator("#dossier-documents")).containsText("công nhận xã đạt chuẩn");

        page.click("#dossier-documents >> text=45/QĐ-UBND");
        assertThat(page.locator("#document-dossiers")).containsText("Hồ sơ xây dựng nông thôn mới");
        // The handling and signing sections above arrive after the page and push the dossiers down: a
        // click aimed while they arrive lands beside the link, as an official's would.
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.click("#document-dossiers a");

        page.click("#close-dossier");
        assertThat(page.locator(".badge").first()).hasText("Đã kết thúc");
        assertThat(page.locator("#candidate-q")).hasCount(0);

        Download download = page.waitForDownload(() -> page.click("text=Xuất hồ sơ (PDF và XML)"));
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path());
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).hasSize(2).allMatch(name -> name.contains(".01.NTM."));
    }

    @Test
    void onAPhoneTheDossierReadsAsCards() {
        TestOffice office =
                new TestOffice(new TestProvince(jdbc, encoder, port), port, "Ủy ban nhân dân xã Hồng Giang", "UBND");
        String document = office.anArrival().numbered("12", "UBND-VP").registered();
        String dossier = office.opens(office.clerk, "02.VP", "Hồ sơ công tác văn phòng");
        TestOffice.files(office.clerk, dossier, document);
        Page page = signedIn(office, true);

        page.navigate("http://localhost:" + port + "/dossiers/" + dossier);

        assertThat(page.locator("#dossier-documents thead")).isHidden();
        assertThat(page.locator("#dossier-documents td[data-label='Số, ký hiệu']"))
                .containsText("12/UBND-VP");
        assertThat(page.locator("#candidate-q")).isVisible();
    }
}
