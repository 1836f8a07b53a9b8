package vn.congvan.exchange.axis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.CongVanTest;
import vn.congvan.SignedInBrowser;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** A commune's IT officer runs the commune's part of the exchange, not the province's. */
@CongVanTest
class ExchangeConsoleScopeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestProvince province;
    TestProvince.Unit ours;
    TestProvince.Unit theirs;
    String ourDocument;
    String theirDocument;
    UUID theirPackage;

    @BeforeEach
    void twoCommunesEachWithAPackageTheHubRefused() {
        province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit district = province.aUnit("UBND huyện Tân Yên", "UBND", "DISTRICT", "DISTRICT", null);
        ours = province.aUnit("UBND xã Cao Xá", "UBND", "COMMUNE", "COMMUNE", district.id());
        theirs = province.aUnit("UBND xã Ngọc Thiện", "UBND", "COMMUNE", "COMMUNE", district.id());
        ourDocument = organOf(ours) + ",2026/12/01,11/UBND-"
                + UUID.randomUUID().toString().substring(0, 6);
        theirDocument = organOf(theirs) + ",2026/12/01,12/UBND-"
                + UUID.randomUUID().toString().substring(0, 6);
        aRefusedPackage(ourDocument);
        theirPackage = aRefusedPackage(theirDocument);
    }

    @Test
    void aCommunesItOfficerSeesOnlyTheirOwnUnitsPartOfTheExchangeConsole() throws Exception {
        SignedInBrowser officer =
                SignedInBrowser.as(port, province.anOfficial("Vũ Văn Tin", Role.IT_OFFICER, ours.id()));

        String console = officer.get("/exchange/axis").body();

        assertThat(console).contains(ourDocument).doesNotContain(theirDocument);
        assertThat(console).doesNotContain("/exchange/axis/sync");
    }

    @Test
    void aCommunesItOfficerCannotQueueAnotherCommunesPackageAgainNorSynchronizeTheDirectory() throws Exception {
        SignedInBrowser officer =
                SignedInBrowser.as(port, province.anOfficial("Vũ Văn Tin", Role.IT_OFFICER, ours.id()));

        assertThat(officer.postForm("/exchange/axis", "/exchange/axis/outbox/" + theirPackage + "/retry", "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(officer.postForm("/exchange/axis", "/exchange/axis/sync", "").statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select state from axis_outbox where id = ?")
                        .param(theirPackage)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");
    }

    @Test
    void theAdministratorStillSeesTheWholeInstallation() throws Exception {
        SignedInBrowser administrator =
                SignedInBrowser.as(port, province.anOfficial("Quản Trị Viên", Role.ADMINISTRATOR, ours.id()));

        String console = administrator.get("/exchange/axis").body();

        assertThat(console).contains(ourDocument).contains(theirDocument);
    }

    private String organOf(TestProvince.Unit unit) {
        return jdbc.sql("select coalesce(code, legacy_code) from unit where id = ?")
                .param(unit.id())
                .query(String.class)
                .single();
    }

    private UUID aRefusedPackage(String documentId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into axis_outbox (id, kind, document_id, recipients, local_reference, sha256, size, state,
                          attempts, next_attempt_at, last_error, enqueued_at)
                        values (?, 'DOCUMENT', ?, ?, ?, ?, 10, 'FAILED', 3, ?, 'refused by the hub', ?)""")
                .params(
                        id,
                        documentId,
                        new String[] {"000.00.00.G22"},
                        UUID.randomUUID().toString(),
                        "0".repeat(64),
                        now,
                        now)
                .update();
        return id;
    }
}
