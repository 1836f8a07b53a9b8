package vn.congvan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.SignedInBrowser;
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * Rights are read from the directory on every request: a revoked role, a disabled account or a
 * changed password takes effect at once, for sessions and tokens alike.
 */
@CongVanTest
class StaleRightsTests {

    static final String PASSWORD = TestDatabaseInitializer.DEMO_PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aClerkWhoseRoleWasRevokedCannotReadTheUnitsDocumentsInTheSessionStillOpen() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Xây dựng", "SXD");
        String clerk = province.anOfficial("Trần Thị Hoa", Role.CLERK, unit.id());
        String document = registeredBy(province.tokenFor(clerk), unit);
        SignedInBrowser browser = SignedInBrowser.signIn(port, clerk, PASSWORD);
        assertThat(browser.get("/documents/" + document).statusCode()).isEqualTo(200);

        var revoked = admin(province)
                .delete("/api/v1/users/" + province.personId(clerk) + "/roles?unitId=" + unit.id() + "&role=CLERK");
        assertThat(revoked.status()).isEqualTo(200);

        var afterwards = browser.get("/documents/" + document);
        assertThat(afterwards.statusCode())
                .as("the session ended with the role")
                .isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aRoleTakenAwayInTheDirectoryIsGoneFromTheNextRequestOfAnOpenSession() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Giao thông Vận tải", "SGTVT");
        String clerk = province.anOfficial("Phạm Văn Đức", Role.CLERK, unit.id());
        province.grant(
                clerk, Role.SPECIALIST, province.aUnit("Sở Nội vụ", "SNV").id());
        String document = registeredBy(province.tokenFor(clerk), unit);
        SignedInBrowser browser = SignedInBrowser.signIn(port, clerk, PASSWORD);
        assertThat(browser.get("/documents/" + document).statusCode()).isEqualTo(200);

        // Changed behind CongVan's back (another node, a database script): no credentials version moved.
        jdbc.sql("delete from membership where person_id = ? and unit_id = ?")
                .params(province.personId(clerk), unit.id())
                .update();

        assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(browser.get("/documents/" + document).statusCode()).isIn(403, 404);
    }

    @Test
    void aClerkWhoseRoleWasRevokedCannotRegisterWithATokenIssuedBefore() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Y tế", "SYT");
        String clerk = province.anOfficial("Ngô Thị Mai", Role.CLERK, unit.id());
        String token = province.tokenFor(clerk);
        registeredBy(token, unit);

        admin(province)
                .delete("/api/v1/users/" + province.personId(clerk) + "/roles?unitId=" + unit.id() + "&role=CLERK");

        var refused = register(new ApiClient(port, token), unit);
        assertThat(refused.status()).as("the token ended with the role").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(unit.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDisabledAccountsTokenStopsWorkingAtOnce() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Tài chính", "STC");
        String clerk = province.anOfficial("Vũ Văn Nam", Role.CLERK, unit.id());
        ApiClient client = new ApiClient(port, province.tokenFor(clerk));
        assertThat(client.get("/api/v1/users").status()).isEqualTo(200);

        var disabled = admin(province).postJson("/api/v1/users/" + province.personId(clerk) + "/disable", Map.of());

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.get("enabled")).isEqualTo(false);
        assertThat(client.get("/api/v1/users").status()).isEqualTo(401);
        assertThat(issueToken(clerk, PASSWORD))
                .as("a disabled user cannot sign in")
                .isEqualTo(401);
        assertThat(SignedInBrowser.signIn(port, clerk, PASSWORD).signedIn()).isFalse();
        assertThat(actions(province.personId(clerk))).contains("directory.account.disabled");

        admin(province).postJson("/api/v1/users/" + province.personId(clerk) + "/enable", Map.of());
        assertThat(issueToken(clerk, PASSWORD)).isEqualTo(200);
        assertThat(client.get("/api/v1/users").status())
                .as("the old token stays dead")
                .isEqualTo(401);
        assertThat(actions(province.personId(clerk))).contains("directory.account.enabled");
    }

    @Test
    void aDisabledAccountsSessionEndsAtOnce() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Công Thương", "SCT");
        String clerk = province.anOfficial("Đặng Thu Trang", Role.CLERK, unit.id());
        SignedInBrowser browser = SignedInBrowser.signIn(port, clerk, PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        admin(province).postJson("/api/v1/users/" + province.personId(clerk) + "/disable", Map.of());

        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aPasswordResetEndsTheOldTokensAndOnlyTheNewPasswordSignsIn() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Nông nghiệp", "SNN");
        String clerk = province.anOfficial("Lý Văn Hùng", Role.CLERK, unit.id());
        ApiClient client = new ApiClient(port, province.tokenFor(clerk));

        var reset = admin(province).postJson("/api/v1/users/" + province.personId(clerk) + "/password-reset", Map.of());

        assertThat(reset.status()).isEqualTo(200);
        String fresh = (String) reset.get("password");
        assertThat(fresh).hasSizeGreaterThanOrEqualTo(12);
        assertThat(client.get("/api/v1/users").status()).isEqualTo(401);
        assertThat(issueToken(clerk, PASSWORD)).isEqualTo(401);
        assertThat(issueToken(clerk, fresh)).isEqualTo(200);
        assertThat(actions(province.personId(clerk))).contains("directory.account.password-reset");
        assertThat(jdbc.sql("select details from audit_record where subject_id = ?")
                        .param(province.personId(clerk).toString())
                        .query(String.class)
                        .list())
                .noneMatch(details -> details.contains(fresh));
    }

    @Test
    void aRevokedTokenIsRefused() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Du lịch", "SDL");
        String clerk = province.anOfficial("Hoàng Minh Châu", Role.CLERK, unit.id());
        ApiClient phone = new ApiClient(port, province.tokenFor(clerk));
        ApiClient desktop = new ApiClient(port, province.tokenFor(clerk));

        assertThat(phone.postJson("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);

        assertThat(phone.get("/api/v1/users").status()).isEqualTo(401);
        assertThat(desktop.get("/api/v1/users").status())
                .as("the person's other token")
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'auth.token.revoked' and subject_id = ?")
                        .param(clerk)
                        .query(Long.class)
                        .single())
                .as("the log-out in the audit trail")
                .isEqualTo(1);
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndAStrongNewOneAndEndsEveryToken() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Ngoại vụ", "SNGV");
        String clerk = province.anOfficial("Bùi Thị Lan", Role.CLERK, unit.id());
        ApiClient client = new ApiClient(port, province.tokenFor(clerk)).inEnglish();

        var wrongCurrent = client.postJson(
                "/api/v1/account/password",
                Map.of("currentPassword", "not-the-password-1", "newPassword", "Hoa-sen-2027-moi"));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.get("code")).isEqualTo("directory.password.current-wrong");
        for (var weak : Map.of(
                        "Short-1",
                        "directory.password.length",
                        "x" + clerk + "-2027",
                        "directory.password.contains-username",
                        "onlylowercaseletters",
                        "directory.password.one-kind")
                .entrySet()) {
            var refused = client.postJson(
                    "/api/v1/account/password", Map.of("currentPassword", PASSWORD, "newPassword", weak.getKey()));
            assertThat(refused.status()).as(weak.getKey()).isEqualTo(400);
            assertThat(refused.get("code")).isEqualTo(weak.getValue());
        }
        assertThat(client.get("/api/v1/users").status())
                .as("refusals change nothing")
                .isEqualTo(200);

        var changed = client.postJson(
                "/api/v1/account/password", Map.of("currentPassword", PASSWORD, "newPassword", "Hoa-sen-2027-moi"));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(client.get("/api/v1/users").status()).isEqualTo(401);
        assertThat(issueToken(clerk, PASSWORD)).isEqualTo(401);
        assertThat(issueToken(clerk, "Hoa-sen-2027-moi")).isEqualTo(200);
        assertThat(actions(province.personId(clerk))).contains("directory.account.password-changed");
    }

    @Test
    void anOfficialChangesTheirPasswordOnThePageAndSignsInAgain() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Thông tin", "STTTT");
        String clerk = province.anOfficial("Kiều Văn An", Role.CLERK, unit.id());
        SignedInBrowser browser = SignedInBrowser.signIn(port, clerk, PASSWORD);
        assertThat(browser.get("/account/password").body()).contains("Mật khẩu hiện tại");

        var refused = browser.postForm(
                "/account/password",
                "/account/password",
                "currentPassword=" + SignedInBrowser.enc(PASSWORD) + "&newPassword=ngan");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Mật khẩu phải dài từ 12 đến 200 ký tự.");

        var changed = browser.postForm(
                "/account/password",
                "/account/password",
                "currentPassword=" + SignedInBrowser.enc(PASSWORD) + "&newPassword="
                        + SignedInBrowser.enc("Mua-xuan-2027"));

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?passwordChanged"));
        assertThat(browser.get("/").statusCode()).as("this session ended too").isEqualTo(302);
        assertThat(SignedInBrowser.signIn(port, clerk, "Mua-xuan-2027").signedIn())
                .isTrue();
    }

    @Test
    void theAdministratorResetsAndDisablesOnThePersonsPage() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Lao động", "SLĐ");
        String clerk = province.anOfficial("Mạc Thị Bưởi", Role.CLERK, unit.id());
        UUID person = province.personId(clerk);
        SignedInBrowser administrator = SignedInBrowser.signIn(port, "admin", PASSWORD);
        assertThat(administrator.get("/directory/units/" + unit.id()).body()).contains("/directory/people/" + person);
        String page = "/directory/people/" + person;
        assertThat(administrator.get(page).body()).contains("Mạc Thị Bưởi", "Cấp lại mật khẩu", "Khóa tài khoản");

        var reset = administrator.postForm(page, page + "/password-reset", "");
        assertThat(reset.statusCode()).isEqualTo(200);
        java.util.regex.Matcher shown =
                java.util.regex.Pattern.compile("id=\"new-password\">([^<]+)<").matcher(reset.body());
        assertThat(shown.find()).isTrue();
        assertThat(issueToken(clerk, shown.group(1))).isEqualTo(200);
        assertThat(administrator.get(page).body()).as("shown once").doesNotContain(shown.group(1));

        var disabled = administrator.postForm(page, page + "/disable", "");
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(administrator.get(page).body()).contains("Đã khóa", "Mở khóa tài khoản");
        assertThat(issueToken(clerk, shown.group(1))).isEqualTo(401);

        SignedInBrowser clerkBrowser = SignedInBrowser.signIn(port, clerk, shown.group(1));
        assertThat(clerkBrowser.signedIn()).isFalse();
        assertThat(SignedInBrowser.signIn(port, clerk, PASSWORD).get(page).statusCode())
                .as("a plain official never reaches the administrator's page")
                .isNotEqualTo(200);
    }

    @Test
    void theAdministratorCannotDisableThemself() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        var refused = admin(province).postJson("/api/v1/users/" + province.personId("admin") + "/disable", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("directory.account.disable-self");
    }

    @Test
    void onlyTheAdministratorResetsOrDisablesAccounts() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Ủy ban nhân dân xã Tân Tiến", "UBND");
        String itOfficer = province.anOfficial("Cán bộ CNTT", Role.IT_OFFICER, unit.id());
        String clerk = province.anOfficial("Văn thư xã", Role.CLERK, unit.id());
        ApiClient it = new ApiClient(port, province.tokenFor(itOfficer));
        UUID person = province.personId(clerk);

        for (String action : List.of("disable", "enable", "password-reset")) {
            assertThat(it.postJson("/api/v1/users/" + person + "/" + action, Map.of())
                            .status())
                    .as(action)
                    .isEqualTo(403);
        }
        assertThat(issueToken(clerk, PASSWORD)).isEqualTo(200);
    }

    private ApiClient admin(TestProvince province) {
        return new ApiClient(port, province.tokenFor("admin"));
    }

    private String registeredBy(String token, TestProvince.Unit unit) {
        var registered = register(new ApiClient(port, token), unit);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return (String) registered.get("id");
    }

    private ApiClient.Answer register(ApiClient clerk, TestProvince.Unit unit) {
        return clerk.multipart(
                "/api/v1/documents/incoming",
                Map.of(
                        "unitId",
                        unit.id().toString(),
                        "typeName",
                        "Công văn",
                        "issuedDate",
                        LocalDate.now().minusDays(1).toString(),
                        "organName",
                        "Bộ Xây dựng",
                        "subject",
                        "Về việc kiểm tra công trình " + UUID.randomUUID()),
                FilePart.pdf("cv.pdf", SamplePdf.withText("Công văn")),
                List.of());
    }

    private int issueToken(String username, String password) {
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/auth/token")
                .body(Map.of("username", username, "password", password))
                .exchange((req, res) -> res.getStatusCode().value());
    }

    private List<String> actions(UUID personId) {
        return jdbc.sql("select action from audit_record where subject_id = ? order by seq")
                .param(personId.toString())
                .query(String.class)
                .list();
    }
}
