package vn.congvan.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.Browser;
import vn.congvan.InTheBrowser;
import vn.congvan.TestProvince;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.shared.Role;

/** A system publishes in the hub's directory only the organ codes the hub's administrator allowed it. */
@InTheBrowser
@HubTest
class HubAllowanceTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Edxml edxml;

    private final AxisCaller officeA = new AxisCaller(HubTest.Settings.PORT, HubTest.SELF, HubTest.SELF_SECRET);
    private final AxisCaller officeC = new AxisCaller(HubTest.Settings.PORT, HubTest.THIRD, HubTest.THIRD_SECRET);
    private ApiClient administrator;
    private ApiClient official;
    private String province;

    @BeforeEach
    void theHubsAdministratorAndAProvinceCodeForOfficeC() {
        TestProvince people = new TestProvince(jdbc, encoder, HubTest.Settings.PORT);
        TestProvince.Unit unit = people.aUnit("Trung tâm Công nghệ thông tin", "CNTT");
        administrator = new ApiClient(
                HubTest.Settings.PORT,
                people.tokenFor(people.anOfficial("Quản Trị Trục", Role.ADMINISTRATOR, unit.id())));
        official = new ApiClient(
                HubTest.Settings.PORT, people.tokenFor(people.anOfficial("Cán Bộ Thường", Role.SPECIALIST, unit.id())));
        // A province code of its own for each test: the allowance of office-c is set test by test.
        province = String.format("C%02d", (int) (Math.random() * 100))
                + UUID.randomUUID().toString().substring(0, 4);
    }

    @Test
    void aSystemClaimingAnOrganCodeItWasNotAllowedIsRefusedAndNothingIsStored() {
        allowOfficeC("*." + province);
        String mine = "000.00.31." + province;
        String unclaimed = AxisPackages.anOrganId();

        AxisCaller.Answer refused = officeC.publish(mine, "Sở Tài chính", unclaimed, "Văn phòng Chính phủ");

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.organ-not-allowed");
        assertThat(refused.json().get("detail").toString()).contains(unclaimed);
        assertThat(jdbc.sql("select count(*) from hub_agency where organ_id in (?, ?)")
                        .params(mine, unclaimed)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(officeC.publish(mine, "Sở Tài chính").status()).isEqualTo(204);
        assertThat(officeA.get("/api/v1/axis/agencies").list())
                .filteredOn(a -> List.of(mine, unclaimed).contains(a.get("organId")))
                .extracting(a -> a.get("organId") + " " + a.get("systemId"))
                .containsExactly(mine + " office-c");
    }

    @Test
    void mailForAnOrganItsClaimerWasNeverAllowedIsNotDeliveredToIt() {
        allowOfficeC("*." + province);
        String sender = AxisPackages.anOrganId();
        assertThat(officeA.publish(sender, "Sở Nội vụ").status()).isEqualTo(204);
        // A row kept from before the hub had allowances: office-c serves a code it was never allowed.
        String claimed = AxisPackages.anOrganId();
        jdbc.sql("insert into hub_agency (organ_id, name, system_id, published_at) values (?, ?, ?, ?)")
                .params(claimed, "Bộ Công an", HubTest.THIRD, Timestamp.from(Instant.now()))
                .update();

        byte[] document = new AxisPackages(edxml).aDocument(sender, List.of(claimed), 3, "PDF".getBytes());
        AxisCaller.Answer refused = officeA.sendEdoc(document, UUID.randomUUID().toString());

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.unknown-recipient");
        assertThat(officeC.get("/api/v1/axis/edocs/received").text()).doesNotContain(claimed);
        assertThat(officeA.get("/api/v1/axis/agencies").text()).doesNotContain(claimed);
    }

    @Test
    void theHubsAdministratorSetsWhatASystemMayPublishAndTheChangeIsAudited() {
        assertThat(official.putJson("/api/v1/hub/systems/office-c/organs", Map.of("organs", List.of("*")))
                        .status())
                .isEqualTo(403);
        assertThat(official.get("/api/v1/hub/systems").status()).isEqualTo(403);

        allowOfficeC("000.00.31." + province, "000.00.32." + province);
        assertThat(officeC.publish("000.00.31." + province, "Sở Tài chính", "000.00.32." + province, "Sở Xây dựng")
                        .status())
                .isEqualTo(204);
        allowOfficeC("000.00.31." + province);

        Map<?, ?> c = administrator.get("/api/v1/hub/systems").list().stream()
                .map(s -> (Map<?, ?>) s)
                .filter(s -> HubTest.THIRD.equals(s.get("systemId")))
                .findFirst()
                .orElseThrow();
        assertThat(c.get("organs")).isEqualTo(List.of("000.00.31." + province));
        assertThat(officeA.get("/api/v1/axis/agencies").text())
                .as("no longer allowed, out of the directory")
                .contains("000.00.31." + province)
                .doesNotContain("000.00.32." + province);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'exchange.hub.organs-allowed' "
                                + "and subject_id = ? and details like ?")
                        .params(HubTest.THIRD, "%000.00.31." + province + "\"%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(administrator
                        .putJson("/api/v1/hub/systems/office-x/organs", Map.of("organs", List.of("*")))
                        .get("code"))
                .isEqualTo("exchange.hub.system-unknown");
    }

    @Test
    void theHubsAdministratorAllowsOrganCodesOnThePageFromTheConsoleOnADeskAndAPhone() {
        TestProvince people = new TestProvince(jdbc, encoder, HubTest.Settings.PORT);
        String admin = people.anOfficial(
                "Quản Trị Trục Trên Trang",
                Role.ADMINISTRATOR,
                people.aUnit("Sở Thông tin và Truyền thông", "STTTT").id());
        String base = "http://localhost:" + HubTest.Settings.PORT;
        try (Browser browser = new Browser()) {
            Page page = browser.newPage(false);
            Browser.signIn(page, base + "/login", admin);
            page.navigate(base + "/exchange/axis");
            page.click("#hub-systems");
            Locator officeC = page.locator(".hub-system[data-system=office-c]");

            officeC.locator("textarea").fill("000.00.31." + province + "\n*." + province);
            officeC.locator("button[type=submit]").click();

            PlaywrightAssertions.assertThat(page.locator("#step-done")).hasText("Đã lưu các mã cơ quan của hệ thống.");
            PlaywrightAssertions.assertThat(officeC.locator("textarea"))
                    .hasValue("000.00.31." + province + "\n*." + province);
            PlaywrightAssertions.assertThat(officeC).containsText("Đặt bởi " + admin);
            PlaywrightAssertions.assertThat(page.locator(".hub-system[data-system=office-a]"))
                    .containsText("Đặt theo cấu hình khi khởi động lần đầu");
            assertThat(officeC("organs")).isEqualTo(List.of("000.00.31." + province, "*." + province));

            officeC.locator("textarea").fill("000.00.31." + province + "\nkhông/hợp/lệ");
            officeC.locator("button[type=submit]").click();

            PlaywrightAssertions.assertThat(page.locator("#step-problem"))
                    .containsText("Mã cơ quan \"không/hợp/lệ\" không hợp lệ");
            assertThat(officeC("organs"))
                    .as("nothing changed")
                    .isEqualTo(List.of("000.00.31." + province, "*." + province));
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of("target/screenshots/hub-systems.png")));

            Page phone = browser.newPage(true);
            Browser.signIn(phone, base + "/login", admin);
            phone.navigate(base + "/exchange/hub/systems");
            PlaywrightAssertions.assertThat(phone.locator(".hub-system[data-system=office-c] textarea"))
                    .isVisible();
            phone.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of("target/screenshots/hub-systems-phone.png")));
        }
    }

    private Object officeC(String field) {
        return administrator.get("/api/v1/hub/systems").list().stream()
                .map(s -> (Map<?, ?>) s)
                .filter(s -> HubTest.THIRD.equals(s.get("systemId")))
                .findFirst()
                .orElseThrow()
                .get(field);
    }

    private void allowOfficeC(String... organs) {
        ApiClient.Answer set = administrator.putJson(
                "/api/v1/hub/systems/" + HubTest.THIRD + "/organs", Map.of("organs", List.of(organs)));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }
}
