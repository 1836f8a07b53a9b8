package vn.congvan.registry.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.registry.dossier.TestOffice.files;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;

@CongVanTest
class DossierAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestOffice finance;
    TestOffice health;
    String dossier;
    String document;

    @BeforeEach
    void twoDepartments() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        finance = new TestOffice(province, port, "Sở Tài chính", "STC");
        health = new TestOffice(province, port, "Sở Y tế", "SYT");
        document =
                finance.anArrival().about("Về việc phân bổ dự toán ngân sách").registered();
        dossier = finance.opens(finance.specialist, "01.NS", "Hồ sơ dự toán ngân sách");
        files(finance.specialist, dossier, document);
    }

    @Test
    void aMemberOfAnotherUnitCannotReadTheDossier() {
        var read = health.specialist.inEnglish().get("/api/v1/dossiers/" + dossier);

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.get("code")).isEqualTo("registry.dossier.not-found");
        assertThat((String) read.get("detail")).contains("does not exist or you may not see it");
        assertThat(health.clerk.get("/api/v1/dossiers/" + dossier + "/export").status())
                .isEqualTo(404);
        assertThat(health.clerk
                        .get("/api/v1/dossiers?unitId=" + finance.unitId())
                        .get("code"))
                .isEqualTo("registry.dossier.unit-not-allowed");
        assertThat(health.clerk
                        .get("/api/v1/file-plan?unitId=" + finance.unitId() + "&year=2026")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aMemberOfAnotherUnitCannotAddToOrChangeTheDossier() {
        String theirs = health.anArrival().registered();

        var added = files(health.clerk, dossier, theirs);
        assertThat(added.status()).isEqualTo(404);
        assertThat(added.get("code")).isEqualTo("registry.dossier.not-found");
        assertThat(health.leader
                        .delete("/api/v1/dossiers/" + dossier + "/documents/" + document)
                        .status())
                .isEqualTo(404);
        assertThat(health.leader
                        .postJson("/api/v1/dossiers/" + dossier + "/close", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(TestOffice.documentsOf(finance.specialist.get("/api/v1/dossiers/" + dossier)))
                .hasSize(1);
    }

    @Test
    void aMemberOfAnotherUnitCannotOpenADossierThere() {
        var opened = health.specialist.postJson(
                "/api/v1/dossiers",
                Map.of(
                        "unitId", finance.unitId().toString(),
                        "fileNotation", "09.YT",
                        "title", "Hồ sơ chen ngang",
                        "maintenance", "5 năm"));

        assertThat(opened.status()).isEqualTo(403);
        assertThat(opened.get("code")).isEqualTo("registry.dossier.members-only");
    }

    @Test
    void aDocumentTheMemberMayNotReadCannotBeFiled() {
        String theirs =
                health.anArrival().about("Về việc phòng chống dịch bệnh").registered();

        var refused = files(finance.specialist, dossier, theirs);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.get("code")).isEqualTo("registry.document.not-found");
    }

    @Test
    void onlyTheClerkAndLeadersWriteTheFilePlan() {
        var refused = finance.specialist.postJson(
                "/api/v1/file-plan",
                Map.of(
                        "unitId", finance.unitId().toString(),
                        "year", 2026,
                        "fileNotation", "02.NS",
                        "title", "Hồ sơ quyết toán",
                        "maintenance", "20 năm"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("registry.fileplan.not-allowed");
    }
}
