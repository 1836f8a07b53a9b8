package vn.congvan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.CongVanTest;
import vn.congvan.MovingClock;
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** Guessing passwords: throttled per account and per address, told to the user, audited. */
@CongVanTest
class SignInThrottlingTests {

    static final String PASSWORD = TestDatabaseInitializer.DEMO_PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void twoHundredWrongPasswordsAreThrottledAndTheRightOneDoesNotGetInDuringTheLock() throws Exception {
        String clerk = anOfficial();
        try (FromAddress attacker = new FromAddress(port)) {
            for (int i = 0; i < 5; i++) {
                assertThat(attacker.issueToken(clerk, "doan-mo-" + i).status()).isEqualTo(401);
            }
            FromAddress.Reply right = attacker.issueToken(clerk, PASSWORD);
            assertThat(right.status()).as("the right password during the lock").isEqualTo(429);
            assertThat(Long.parseLong(right.retryAfter())).isBetween(1L, 30L);
            assertThat(right.body())
                    .contains("error.auth.throttled", "Too many failed sign-ins")
                    .doesNotContain("\"token\"");

            List<Integer> statuses = new ArrayList<>();
            for (int i = 5; i < 200; i++) {
                statuses.add(attacker.issueToken(clerk, "doan-mo-" + i).status());
            }

            // Each password looked at past the fifth doubles the lock (30 s, 1 min, 2 min…): however slow
            // this machine, a handful at most of the 195 are looked at, none gets in.
            assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(429, 401));
            assertThat(statuses).filteredOn(s -> s == 401).hasSizeLessThanOrEqualTo(3);
            long checked = 5 + statuses.stream().filter(s -> s == 401).count();
            assertThat(actions(clerk)).filteredOn("auth.sign-in.failed"::equals).hasSize((int) checked);
            assertThat(actions(clerk))
                    .filteredOn("auth.sign-in.throttled"::equals)
                    .hasSize(201 - (int) checked);
        }
        assertThat(actions(clerk)).doesNotContain("auth.sign-in.succeeded");
    }

    @Test
    void theSignInFormTellsAThrottledOfficialHowLongToWait() throws Exception {
        String clerk = anOfficial();
        try (FromAddress browser = new FromAddress(port)) {
            for (int i = 0; i < 5; i++) {
                FromAddress.Reply wrong = browser.signInThroughTheForm(clerk, "sai-mat-khau-" + i);
                assertThat(wrong.location()).endsWith("/login?error");
            }

            FromAddress.Reply locked = browser.signInThroughTheForm(clerk, PASSWORD);

            assertThat(locked.status()).isEqualTo(302);
            assertThat(locked.location()).contains("/login?throttled=");
            String page = browser.get(
                            locked.location().substring(locked.location().indexOf("/login")))
                    .body();
            assertThat(page).contains("Đăng nhập sai quá nhiều lần", "Hãy thử lại sau");
            assertThat(browser.get("/").status()).as("not signed in").isEqualTo(302);
        }
        assertThat(details(clerk)).anySatisfy(d -> assertThat(d).contains("\"channel\"", "form"));
    }

    @Test
    void aPasswordSprayFromOneAddressIsThrottledAcrossAccounts() throws Exception {
        String clerk = anOfficial();
        try (FromAddress sprayer = new FromAddress(port)) {
            for (int i = 0; i < 30; i++) {
                assertThat(sprayer.issueToken("t" + UUID.randomUUID().toString().substring(0, 12), "Matkhau@2026")
                                .status())
                        .isEqualTo(401);
            }

            FromAddress.Reply refused = sprayer.issueToken(clerk, PASSWORD);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.retryAfter()).isNotEmpty();
        }
        try (FromAddress elsewhere = new FromAddress(port)) {
            assertThat(elsewhere.issueToken(clerk, PASSWORD).status())
                    .as("from another address")
                    .isEqualTo(200);
        }
    }

    @Test
    void everySignInIsInTheAuditTrailWithItsAddressAndWayIn() throws Exception {
        String clerk = anOfficial();
        try (FromAddress official = new FromAddress(port)) {
            assertThat(official.issueToken(clerk, "go-nham-2026").status()).isEqualTo(401);
            assertThat(official.issueToken(clerk, PASSWORD).status()).isEqualTo(200);
            assertThat(official.signInThroughTheForm(clerk, PASSWORD).location())
                    .doesNotContain("/login");

            assertThat(actions(clerk))
                    .containsExactly("auth.sign-in.failed", "auth.sign-in.succeeded", "auth.sign-in.succeeded");
            assertThat(details(clerk)).allSatisfy(d -> assertThat(d).contains(official.address()));
            assertThat(details(clerk).get(2)).contains("form");
            assertThat(details(clerk).get(1)).contains("token");
        }
    }

    @Test
    void delaysDoubleWithEachFurtherFailureUpToTheLongestAndTheLockEnds() {
        MovingClock clock = new MovingClock(Instant.parse("2027-03-01T01:00:00Z"));
        SignInThrottle throttle = new SignInThrottle(
                jdbc,
                clock,
                new SignInSettings(5, 30, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)));
        String account = "t" + UUID.randomUUID().toString().substring(0, 12);
        String address = "192.0.2." + UUID.randomUUID().toString().substring(0, 8);

        for (int i = 0; i < 4; i++) {
            throttle.failed(account, address);
            assertThat(throttle.lockedFor(account, address))
                    .as("free attempt " + (i + 1))
                    .isEmpty();
        }
        List<Duration> locks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            throttle.failed(account, address);
            Duration lock = throttle.lockedFor(account, address).orElseThrow();
            locks.add(lock);
            clock.move(lock);
            assertThat(throttle.lockedFor(account, address)).as("the lock ends").isEmpty();
        }

        assertThat(locks)
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15));

        throttle.succeeded(account);
        throttle.failed(account, address);
        assertThat(throttle.lockedFor(account, address))
                .as("forgotten after the right password")
                .isEmpty();
    }

    private String anOfficial() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        return province.anOfficial(
                "Đỗ Thị Hằng",
                Role.CLERK,
                province.aUnit("Sở Tài nguyên", "STNMT").id());
    }

    private List<String> actions(String username) {
        return jdbc.sql(
                        "select action from audit_record where subject_type = 'account' and subject_id = ? order by seq")
                .param(username)
                .query(String.class)
                .list();
    }

    private List<String> details(String username) {
        return jdbc.sql(
                        "select details from audit_record where subject_type = 'account' and subject_id = ? order by seq")
                .param(username)
                .query(String.class)
                .list();
    }
}
