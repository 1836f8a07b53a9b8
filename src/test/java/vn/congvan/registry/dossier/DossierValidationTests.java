package vn.congvan.registry.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
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
class DossierValidationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestOffice office;

    @BeforeEach
    void aDistrictOffice() {
        office = new TestOffice(
                new TestProvince(jdbc, encoder, port), port, "Văn phòng HĐND và UBND huyện Lục Ngạn", "VP");
    }

    Map<String, Object> planItem(int year, String notation) {
        Map<String, Object> item = new HashMap<>();
        item.put("unitId", office.unitId().toString());
        item.put("year", year);
        item.put("fileNotation", notation);
        item.put("title", "Hồ sơ về công tác cải cách hành chính");
        item.put("maintenance", "10 năm");
        return item;
    }

    @Test
    void aTitleLongerThanFiveHundredCharactersIsRefusedInTheReadersLanguage() {
        var refused = office.specialist
                .inEnglish()
                .postJson(
                        "/api/v1/dossiers",
                        Map.of(
                                "unitId",
                                office.unitId().toString(),
                                "fileNotation",
                                "01.CC",
                                "title",
                                "Hồ sơ ".repeat(101),
                                "maintenance",
                                "10 năm"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("error.validation");
        assertThat((List<?>) refused.get("errors")).singleElement().satisfies(e -> {
            Map<?, ?> error = (Map<?, ?>) e;
            assertThat(error.get("field")).isEqualTo("title");
            assertThat(error.get("code")).isEqualTo("validation.too-long");
            assertThat((String) error.get("message")).contains("500");
        });
    }

    @Test
    void aDossierOnItsOwnNeedsANotationATitleAndARetention() {
        var refused = office.specialist.postJson(
                "/api/v1/dossiers", Map.of("unitId", office.unitId().toString()));

        assertThat(refused.status()).isEqualTo(400);
        List<Object> fields = ((List<?>) refused.get("errors"))
                .stream()
                        .map(e -> ((Map<?, ?>) e).get("field"))
                        .map(Object.class::cast)
                        .toList();
        assertThat(fields).containsExactly("fileNotation", "title", "maintenance");
        assertThat(refused.body()).contains("Trường này là bắt buộc.");
    }

    @Test
    void aNotationWithSpacesOrSlashesIsRefused() {
        var refused = office.clerk.postJson("/api/v1/file-plan", planItem(2026, "01/CC TH"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("registry.dossier.notation.pattern");
    }

    @Test
    void aFileNotationAppearsOnceInTheFilePlanOfAYear() {
        assertThat(office.clerk
                        .postJson("/api/v1/file-plan", planItem(2026, "02.CC"))
                        .status())
                .isEqualTo(201);

        var again = office.leader.postJson("/api/v1/file-plan", planItem(2026, "02.CC"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("registry.fileplan.notation-taken");
        assertThat((String) again.get("detail")).contains("02.CC").contains("2026");
        assertThat(office.clerk
                        .postJson("/api/v1/file-plan", planItem(2027, "02.CC"))
                        .status())
                .as("the next year's plan starts afresh")
                .isEqualTo(201);
    }

    @Test
    void aFileCodeIsGivenToOneDossierOnly() {
        Map<String, Object> dossier = Map.of(
                "unitId", office.unitId().toString(),
                "year", 2026,
                "fileNotation", "03.CC",
                "title", "Hồ sơ kiểm tra công vụ",
                "maintenance", "5 năm");
        var first = office.specialist.postJson("/api/v1/dossiers", dossier);
        assertThat(first.status()).isEqualTo(201);

        var second = office.colleague.postJson("/api/v1/dossiers", dossier);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.get("code")).isEqualTo("registry.dossier.file-code-taken");
        assertThat((String) second.get("detail")).contains((String) first.get("fileCode"));
    }

    @Test
    void aFilePlanItemOfAnotherUnitCannotOpenADossierHere() {
        var item = office.clerk.postJson("/api/v1/file-plan", planItem(2026, "04.CC"));
        TestOffice other = new TestOffice(new TestProvince(jdbc, encoder, port), port, "Phòng Nội vụ", "PNV");

        var refused = other.specialist.postJson(
                "/api/v1/dossiers",
                Map.of(
                        "unitId", other.unitId().toString(),
                        "filePlanItemId", item.get("id")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("registry.fileplan.item-unknown");
    }
}
