package vn.congvan.statistics.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.TestSigners;
import vn.congvan.signing.keys.SigningCertificates;

/**
 * A commune of a district where each official did known things through the API: the usage scores
 * count them, score them and rank them in the commune and in the district, for those allowed to see.
 */
@CongVanTest
// The same context as the monthly report's tests: one server for both.
@TestPropertySource(properties = "congvan.statistics.report-unit=T.TTCNTT-BAO-CAO")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageScoresTests {

    static final LocalDate TODAY = LocalDate.now(VietnamTime.ZONE);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    TestProvince province;
    TestProvince.Unit district;
    TestProvince.Unit commune;
    String clerk;
    String chairman;
    String handler;
    String returner;
    String idle;
    String districtChairman;
    String itOfficer;

    @BeforeAll
    void aCommuneWhoseOfficialsRegisteredAssignedHandledDraftedSignedAndReturned() {
        province = new TestProvince(jdbc, encoder, port);
        district = province.aUnit("Ủy ban nhân dân huyện Lục Ngạn", "UBND", "DISTRICT", "DISTRICT", null);
        commune = province.aUnit("Ủy ban nhân dân xã Biển Động", "UBND", "COMMUNE", "COMMUNE", district.id());
        clerk = province.anOfficial("Hoàng Thị Văn Thư", Role.CLERK, commune.id());
        chairman = province.anOfficial("Vi Văn Chủ Tịch", Role.LEADER, commune.id());
        handler = province.anOfficial("Lăng Thị Chuyên Viên", Role.SPECIALIST, commune.id());
        returner = province.anOfficial("Nông Văn Trả Lại", Role.SPECIALIST, commune.id());
        idle = province.anOfficial("Lò Văn Chưa Dùng", Role.SPECIALIST, commune.id());
        itOfficer = province.anOfficial("Tạ Văn Công Nghệ", Role.IT_OFFICER, commune.id());
        districtChairman = province.anOfficial("Giáp Văn Huyện", Role.LEADER, district.id());
        TestSigners signers = new TestSigners(jdbc, certificates);
        signers.personal(chairman, commune.id(), commune.name());
        signers.organization(commune.id(), commune.name());

        ApiClient k = api(clerk);
        ApiClient c = api(chairman);
        ApiClient h = api(handler);
        String first = aLetter(k, "Về việc kiểm tra an toàn hồ đập");
        String second = aLetter(k, "Về việc tiêm phòng gia súc");
        String third = aLetter(k, "Về việc hội thi văn nghệ");
        String deadline = TODAY.plusDays(30).getDayOfWeek().getValue() >= 6
                ? TODAY.plusDays(32).toString()
                : TODAY.plusDays(30).toString();
        ok(c.postJson(step(first, "assignment"), Map.of("leadId", province.personId(handler), "deadline", deadline)));
        ok(c.postJson(step(second, "assignment"), Map.of("leadId", province.personId(handler))));
        ok(c.postJson(step(third, "assignment"), Map.of("leadId", province.personId(returner))));
        ok(h.postJson(step(first, "completion"), Map.of("note", "Đã kiểm tra")));
        ok(h.postJson(step(second, "completion"), Map.of("note", "Đã tiêm phòng")));
        ok(api(returner).postJson(step(third, "return"), Map.of("reason", "Không thuộc lĩnh vực được giao")));

        var draft = h.multipart(
                "/api/v1/drafts",
                Map.of(
                        "unitId",
                        commune.id().toString(),
                        "typeName",
                        "Quyết định",
                        "subject",
                        "Về việc thành lập tổ phòng chống thiên tai",
                        "recipients",
                        List.of(Map.of("organName", "Ủy ban nhân dân huyện Lục Ngạn"))),
                FilePart.pdf(
                        "du-thao.pdf",
                        SamplePdf.withText(
                                "QUYẾT ĐỊNH",
                                "Về việc thành lập tổ",
                                "TM. ỦY BAN NHÂN DÂN",
                                "CHỦ TỊCH",
                                "",
                                "Vi Văn Chủ Tịch")),
                List.of());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String draftPath = "/api/v1/drafts/" + draft.get("id");
        ok(h.postJson(draftPath + "/submission", Map.of()));
        String documentId =
                (String) ok(c.postJson(draftPath + "/approval", Map.of())).get("documentId");
        var signed = c.postJson("/api/v1/documents/" + documentId + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        ok(k.postJson(draftPath + "/issue", Map.of()));
    }

    @Test
    void eachOfficialIsCountedScoredByTheDefaultFormulaAndRankedInTheCommuneAndTheDistrict() {
        var answer = api(districtChairman).get(scores(commune.id(), TODAY.minusDays(7), TODAY, null));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.get("formula")).isEqualTo(UsageSettings.DEFAULT_FORMULA);
        Map<String, Map<?, ?>> rows = byName(answer);
        assertThat(rows.keySet())
                .containsExactly(
                        "Hoàng Thị Văn Thư",
                        "Lăng Thị Chuyên Viên",
                        "Vi Văn Chủ Tịch",
                        "Lò Văn Chưa Dùng",
                        "Tạ Văn Công Nghệ",
                        "Nông Văn Trả Lại");
        // Two letters registered plus one, the issued decision, which the clerk also sealed.
        assertCounts(rows.get("Hoàng Thị Văn Thư"), 4, 0, 0, 0, 1, 0, 10.0, 1, 1);
        assertCounts(rows.get("Lăng Thị Chuyên Viên"), 0, 0, 2, 1, 0, 0, 7.0, 2, 2);
        assertCounts(rows.get("Vi Văn Chủ Tịch"), 0, 3, 0, 0, 1, 0, 5.0, 3, 3);
        // Those who did nothing share a rank, with the district chairman in the district.
        assertCounts(rows.get("Lò Văn Chưa Dùng"), 0, 0, 0, 0, 0, 0, 0.0, 4, 4);
        assertCounts(rows.get("Tạ Văn Công Nghệ"), 0, 0, 0, 0, 0, 0, 0.0, 4, 4);
        assertCounts(rows.get("Nông Văn Trả Lại"), 0, 0, 0, 0, 0, 1, -1.0, 6, 7);

        Map<String, Map<?, ?>> wholeDistrict =
                byName(api(districtChairman).get(scores(district.id(), TODAY.minusDays(7), TODAY, null)));
        assertThat(wholeDistrict).hasSize(7);
        assertCounts(wholeDistrict.get("Giáp Văn Huyện"), 0, 0, 0, 0, 0, 0, 0.0, 1, 4);
    }

    @Test
    void anotherFormulaMayBeAskedForAndOneThatDoesNotParseIsRefusedInTheReadersLanguage() {
        Map<String, Map<?, ?>> bySignatures =
                byName(api(chairman).get(scores(commune.id(), TODAY, TODAY, "10 * signatures")));
        assertThat(((Number) bySignatures.get("Vi Văn Chủ Tịch").get("score")).doubleValue())
                .isEqualTo(10.0);
        assertThat(bySignatures.get("Vi Văn Chủ Tịch").get("rankInUnit")).isEqualTo(1);
        assertThat(bySignatures.get("Hoàng Thị Văn Thư").get("rankInUnit")).isEqualTo(1);

        var refused = api(chairman).inEnglish().get(scores(commune.id(), TODAY, TODAY, "2*registerd"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("statistics.usage.formula.unknown-name");
        assertThat((String) refused.get("detail")).contains("there is no figure called \"registerd\" (position 3)");
        var vietnamese = api(chairman).get(scores(commune.id(), TODAY, TODAY, "(drafts"));
        assertThat((String) vietnamese.get("detail")).contains("dấu mở ngoặc ở vị trí 1 chưa được đóng");
    }

    @Test
    void aQuarterStillRunningCountsUpToTodayAndPeriodsReversedInTheFutureOrLongerThanAYearAreRefused() {
        ApiClient leader = api(chairman).inEnglish();
        String quarter = TODAY.getYear() + "-Q" + ((TODAY.getMonthValue() + 2) / 3);
        var running = leader.get("/api/v1/units/" + commune.id() + "/usage-scores?period=" + quarter);
        assertThat(running.status()).as(running.body()).isEqualTo(200);
        assertThat(running.get("to")).isEqualTo(TODAY.toString());
        assertThat(byName(running).get("Hoàng Thị Văn Thư").get("registered")).isEqualTo(4);
        assertThat(leader.get(scores(commune.id(), TODAY, TODAY.plusDays(1), null))
                        .get("to"))
                .isEqualTo(TODAY.toString());

        assertThat(leader.get(scores(commune.id(), TODAY, TODAY.minusDays(1), null))
                        .get("code"))
                .isEqualTo("statistics.period.reversed");
        assertThat(leader.get(scores(commune.id(), TODAY.plusDays(1), TODAY.plusDays(2), null))
                        .get("code"))
                .isEqualTo("statistics.period.future");
        var tooLong = leader.get(scores(commune.id(), TODAY.minusDays(366), TODAY, null));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.get("code")).isEqualTo("statistics.usage.period.too-long");
        assertThat(leader.get(scores(commune.id(), TODAY.minusDays(365), TODAY, null))
                        .status())
                .isEqualTo(200);
        var none = leader.get("/api/v1/units/" + commune.id() + "/usage-scores");
        assertThat(none.status()).isEqualTo(400);
        assertThat((String) none.get("detail"))
                .isEqualTo("Give the period to score: period (e.g. 2026-Q3), or from and to.");
        assertThat(leader.get("/api/v1/units/" + commune.id() + "/usage-scores?period=2026-Q5")
                        .get("code"))
                .isEqualTo("statistics.period.unreadable");
    }

    @Test
    void leadersSeeTheirUnitDistrictLeadersTheirDistrictAndSpecialistsNothing() {
        assertThat(api(chairman).get(scores(commune.id(), TODAY, TODAY, null)).status())
                .isEqualTo(200);
        assertThat(api(chairman).get(scores(district.id(), TODAY, TODAY, null)).status())
                .isEqualTo(403);
        assertThat(api(districtChairman)
                        .get(scores(commune.id(), TODAY, TODAY, null))
                        .status())
                .isEqualTo(200);
        var specialist = api(handler).get(scores(commune.id(), TODAY, TODAY, null));
        assertThat(specialist.status()).isEqualTo(403);
        assertThat(specialist.get("code")).isEqualTo("statistics.usage.out-of-scope");
        TestProvince.Unit elsewhere = province.aUnit("Sở Y tế", "SYT");
        String director = province.anOfficial("Đặng Văn Giám Đốc", Role.LEADER, elsewhere.id());
        assertThat(api(director).get(scores(commune.id(), TODAY, TODAY, null)).status())
                .isEqualTo(403);
        assertThat(api(itOfficer).get(scores(commune.id(), TODAY, TODAY, null)).status())
                .isEqualTo(200);
    }

    @Test
    void theSpreadsheetForTheTrainingPlanHoldsTheSameFiguresAsNumbers() throws IOException {
        var xlsx = api(districtChairman)
                .get(scores(commune.id(), TODAY.minusDays(7), TODAY, null)
                        .replace("/usage-scores?", "/usage-scores/export?"));

        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("ĐIỂM SỬ DỤNG PHẦN MỀM QUẢN LÝ VĂN BẢN - Ủy ban nhân dân xã Biển Động");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).endsWith(UsageSettings.DEFAULT_FORMULA);
            assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Họ và tên");
            Row first = sheet.getRow(5);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Hoàng Thị Văn Thư");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(4);
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(10);
            Row last = sheet.getRow(10);
            assertThat(last.getCell(2).getStringCellValue()).isEqualTo("Nông Văn Trả Lại");
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(7);
            assertThat(last.getCell(10).getNumericCellValue()).isEqualTo(-1);
            assertThat(sheet.getLastRowNum()).isEqualTo(10);
        }
    }

    private static void assertCounts(
            Map<?, ?> row,
            long registered,
            long assigned,
            long onTime,
            long drafts,
            long signatures,
            long returns,
            double score,
            int rankInUnit,
            int rankInDistrict) {
        assertThat(row).as("row").isNotNull();
        assertThat(List.of(
                        row.get("registered"),
                        row.get("assigned"),
                        row.get("onTime"),
                        row.get("drafts"),
                        row.get("signatures"),
                        row.get("returns")))
                .as(String.valueOf(row.get("fullName")))
                .containsExactly(
                        (int) registered, (int) assigned, (int) onTime, (int) drafts, (int) signatures, (int) returns);
        assertThat(((Number) row.get("score")).doubleValue())
                .as("score of " + row.get("fullName"))
                .isEqualTo(score);
        assertThat(row.get("rankInUnit"))
                .as("rank in unit of " + row.get("fullName"))
                .isEqualTo(rankInUnit);
        assertThat(row.get("rankInDistrict"))
                .as("rank in district of " + row.get("fullName"))
                .isEqualTo(rankInDistrict);
    }

    private static Map<String, Map<?, ?>> byName(ApiClient.Answer answer) {
        Map<String, Map<?, ?>> rows = new java.util.LinkedHashMap<>();
        for (Object o : (List<?>) answer.get("officials")) {
            rows.put((String) ((Map<?, ?>) o).get("fullName"), (Map<?, ?>) o);
        }
        return rows;
    }

    private static String scores(UUID unitId, LocalDate from, LocalDate to, String formula) {
        String path = "/api/v1/units/" + unitId + "/usage-scores?from=" + from + "&to=" + to;
        // Left for the client to encode: none of the test's formulas holds a '+'.
        return formula == null ? path : path + "&formula=" + formula;
    }

    private static String step(String documentId, String step) {
        return "/api/v1/documents/" + documentId + "/handling/" + step;
    }

    private static ApiClient.Answer ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        return answer;
    }

    private ApiClient api(String username) {
        return new ApiClient(port, province.tokenFor(username));
    }

    /** A letter of the district arriving yesterday, registered by the commune's clerk. */
    private String aLetter(ApiClient clerk, String subject) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", commune.id().toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", Integer.toString(100 + (int) (Math.random() * 800)));
        m.put("codeNotation", "UBND-VP");
        m.put("issuedDate", TODAY.minusDays(1).toString());
        m.put("organName", "Ủy ban nhân dân huyện Lục Ngạn");
        m.put("subject", subject);
        m.put("confirmDuplicate", true);
        var answer = clerk.multipart(
                "/api/v1/documents/incoming",
                m,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN", subject)),
                List.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return (String) answer.get("id");
    }
}
