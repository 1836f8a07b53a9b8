package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.shared.Role;

/**
 * axe-core finds no serious or critical violation of WCAG 2.1 A and AA on the main pages, on a desk
 * and on a phone: the sign-in form, the home tiles, my work, the lists, the search, a new draft,
 * the statistics, and the administrator's audit trail and directory. (The document's and the
 * draft's pages are checked where the whole-day test opens them.)
 */
@InTheBrowser
@CongVanTest
class AccessibilityInTheBrowserTests {

    static final List<String> PAGES = List.of(
            "/",
            "/my-work",
            "/incoming",
            "/outgoing",
            "/search?q=k%E1%BA%BF+ho%E1%BA%A1ch",
            "/drafts/new",
            "/statistics",
            "/notifications",
            "/account/password");

    /** On a phone, the pages whose layout changes there. */
    static final List<String> PHONE_PAGES = List.of("/", "/my-work", "/incoming", "/statistics");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void theMainPagesHaveNoSeriousOrCriticalViolationOnADeskOrAPhone() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Lao động Thử Tiếp Cận", "SLĐ");
        String leader = province.anOfficial("Hoàng Văn Tiếp Cận", Role.LEADER, unit.id());
        String administrator = province.anOfficial("Quản Trị Tiếp Cận", Role.ADMINISTRATOR, unit.id());
        String base = "http://localhost:" + port;
        List<String> violations = new ArrayList<>();

        try (Browser browser = new Browser()) {
            for (boolean phone : List.of(false, true)) {
                Page signIn = browser.newPage(phone);
                signIn.navigate(base + "/login");
                violations.addAll(Accessibility.seriousViolations(signIn));
                // The check itself sees a violation when there is one: a field without a name.
                signIn.evaluate("document.querySelector('form').append(document.createElement('input'))");
                assertThat(Accessibility.seriousViolations(signIn)).anyMatch(v -> v.startsWith("label:"));

                Page page = Browser.signIn(browser.newPage(phone), base + "/login", leader);
                for (String path : phone ? PHONE_PAGES : PAGES) {
                    page.navigate(base + path);
                    violations.addAll(Accessibility.seriousViolations(page));
                }
                Page admin = Browser.signIn(browser.newPage(phone), base + "/login", administrator);
                for (String path : phone ? List.of("/audit") : List.of("/audit", "/directory/units")) {
                    admin.navigate(base + path);
                    violations.addAll(Accessibility.seriousViolations(admin));
                }
            }
        }

        assertThat(violations).isEmpty();
    }
}
