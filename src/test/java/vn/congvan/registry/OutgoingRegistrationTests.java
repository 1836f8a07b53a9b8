package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

@CongVanTest
class OutgoingRegistrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestProvince province;
    TestProvince.Unit committee;
    String cultureDivision;
    ApiClient clerk;

    @BeforeEach
    void aCommitteeWithAClerk() {
        province = new TestProvince(jdbc, encoder, port);
        committee = province.aUnit("Ủy ban nhân dân huyện Việt Yên", "UBND");
        cultureDivision = province.aDivision(committee.id(), "Phòng Văn hóa - Xã hội", "VX")
                .toString();
        clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Đỗ Thị Văn Thư", Role.CLERK, committee.id())));
    }

    Map<String, Object> a(String typeName) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", committee.id().toString());
        m.put("typeName", typeName);
        m.put("subject", "Về việc tăng cường công tác phòng chống lụt bão năm 2026");
        m.put("signerAuthority", "KT");
        m.put("signerPosition", "Phó Chủ tịch");
        m.put("signerFullName", "Hoàng Văn Phó");
        return m;
    }

    FilePart pdf() {
        return FilePart.pdf("du-thao.pdf", SamplePdf.withText("Về việc tăng cường công tác phòng chống lụt bão"));
    }

    @Test
    void theFirstDecisionOfTheYearIsNumberOneWithTheCommitteesNotation() {
        var issued = clerk.multipart("/api/v1/documents/outgoing", a("QUYET_DINH"), pdf(), List.of());

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.get("notation")).isEqualTo("01/QĐ-UBND");
        assertThat(issued.get("issuedDate"))
                .isEqualTo(LocalDate.now(vn.congvan.shared.VietnamTime.ZONE).toString());
        assertThat(issued.get("organId")).isNotNull();
        assertThat((String) issued.get("documentId")).endsWith(",01/QĐ-UBND");
    }

    @Test
    void aCongVanIsNumberedInTheSameSeriesWithTheDraftingDivision() {
        clerk.multipart("/api/v1/documents/outgoing", a("Quyết định"), pdf(), List.of());
        Map<String, Object> letter = a("Công văn");
        letter.put("draftingDivisionId", cultureDivision);

        var issued = clerk.multipart("/api/v1/documents/outgoing", letter, pdf(), List.of());

        assertThat(issued.get("notation")).isEqualTo("02/UBND-VX");
    }

    @Test
    void secretDocumentsHaveTheirOwnSeries() {
        clerk.multipart("/api/v1/documents/outgoing", a("Công văn"), pdf(), List.of());
        clerk.multipart("/api/v1/documents/outgoing", a("Công văn"), pdf(), List.of());
        Map<String, Object> secret = a("Công văn");
        secret.put("confidentiality", 1);

        var issued = clerk.multipart("/api/v1/documents/outgoing", secret, pdf(), List.of());

        assertThat(issued.get("notation")).isEqualTo("01/UBND");
        assertThat(issued.get("confidentiality")).isEqualTo(1);
    }

    @Test
    void recipientsAreKeptInOrderWithTheirDirectoryNames() {
        TestProvince.Unit commune =
                province.aUnit("Ủy ban nhân dân thị trấn Nếnh", "UBND", "TOWNSHIP", "COMMUNE", committee.id());
        Map<String, Object> letter = a("Công văn");
        letter.put(
                "recipients",
                List.of(
                        Map.of("unitId", commune.id().toString()),
                        Map.of("organId", "000.00.00.G22", "organName", "Văn phòng Chính phủ")));

        var issued = clerk.multipart("/api/v1/documents/outgoing", letter, pdf(), List.of());

        List<?> recipients = (List<?>) issued.get("recipients");
        assertThat(recipients).hasSize(2);
        assertThat(((Map<?, ?>) recipients.get(0)).get("organName")).isEqualTo("Ủy ban nhân dân thị trấn Nếnh");
        assertThat(((Map<?, ?>) recipients.get(1)).get("organId")).isEqualTo("000.00.00.G22");
    }

    @Test
    void aUnitThatKeepsDecisionsInTheirOwnRegisterNumbersThemApart() {
        clerk.multipart("/api/v1/documents/outgoing", a("Công văn"), pdf(), List.of());
        clerk.multipart("/api/v1/documents/outgoing", a("Quyết định"), pdf(), List.of());
        var opened = clerk.postJson(
                "/api/v1/units/" + committee.id() + "/registers",
                Map.of("name", "Sổ quyết định", "types", List.of("QUYET_DINH")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        var decision = clerk.multipart("/api/v1/documents/outgoing", a("Quyết định"), pdf(), List.of());
        var letter = clerk.multipart("/api/v1/documents/outgoing", a("Công văn"), pdf(), List.of());

        assertThat(decision.get("notation")).isEqualTo("01/QĐ-UBND");
        assertThat(decision.get("registerId")).isEqualTo(opened.get("id"));
        assertThat(letter.get("notation")).isEqualTo("03/UBND");
    }

    @Test
    void onlyTheClerkOpensARegister() {
        ApiClient specialist = new ApiClient(
                port, province.tokenFor(province.anOfficial("Lò Văn Chuyên", Role.SPECIALIST, committee.id())));

        var refused = specialist.postJson(
                "/api/v1/units/" + committee.id() + "/registers",
                Map.of("name", "Sổ riêng", "types", List.of("CONG_VAN")));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void aDivisionOfAnotherUnitIsRefused() {
        TestProvince.Unit other = province.aUnit("Sở Tài chính", "STC");
        Map<String, Object> letter = a("Công văn");
        letter.put(
                "draftingDivisionId",
                province.aDivision(other.id(), "Văn phòng", "VP").toString());

        var refused = clerk.multipart("/api/v1/documents/outgoing", letter, pdf(), List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("registry.division.not-in-unit");
    }

    @Test
    void anUnknownTypeIsRefused() {
        var refused = clerk.inEnglish().multipart("/api/v1/documents/outgoing", a("Thư tình"), pdf(), List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There is no document type");
    }
}
