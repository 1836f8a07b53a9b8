package vn.congvan.statistics.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
import vn.congvan.TestProvince;
import vn.congvan.handling.ArrivingLetters;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * A district with two communes, where a clerk registered a letter today and the commune's chairman
 * assigned it: the usage scores' page shows its IT officer each official ranked, offers the period
 * and the spreadsheet, and is reached by, and only by, those who may read it.
 */
@CongVanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageScoresPageTests {

    static final LocalDate TODAY = LocalDate.now(VietnamTime.ZONE);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    PagesAs pages;
    TestProvince.Unit district;
    TestProvince.Unit commune;
    TestProvince.Unit otherCommune;
    String districtItOfficer;
    String communeItOfficer;
    String clerk;
    String chairman;
    String specialist;
    String monitor;

    @BeforeAll
    void aDistrictWhoseCommuneRegisteredAndAssignedALetterToday() {
        pages = new PagesAs(context);
        TestProvince province = new TestProvince(jdbc, encoder, port);
        UUID root = province.aUnit("UBND tỉnh Trang Điểm", "UBND", "PROVINCIAL_COMMITTEE", "PROVINCE", null)
                .id();
        district = province.aUnit("Ủy ban nhân dân huyện Trang Điểm", "UBND", "DISTRICT", "DISTRICT", root);
        commune = province.aUnit("Ủy ban nhân dân xã Bản Chấm", "UBND", "COMMUNE", "COMMUNE", district.id());
        otherCommune = province.aUnit("Ủy ban nhân dân xã Nà Điểm", "UBND", "COMMUNE", "COMMUNE", district.id());
        districtItOfficer = province.anOfficial("Lưu Văn Tin Học", Role.IT_OFFICER, district.id());
        communeItOfficer = province.anOfficial("Đàm Thị Mạng", Role.IT_OFFICER, commune.id());
        clerk = province.anOfficial("Hà Thị Sổ Sách", Role.CLERK, commune.id());
        chairman = province.anOfficial("Vương Văn Xã", Role.LEADER, commune.id());
        specialist = province.anOfficial("Ma Văn Chưa Học", Role.SPECIALIST, otherCommune.id());
        monitor = province.anOfficial(
                "Giám Sát Điểm",
                Role.PROVINCIAL_MONITOR,
                province.aUnit("Sở Nội vụ Trang Điểm", "SNV", "AGENCY", "PROVINCE", root)
                        .id());
        jdbc.sql("update membership set position_title = 'Chủ tịch' where person_id = ? and role = 'LEADER'")
                .param(province.personId(chairman))
                .update();

        ApiClient registering = new ApiClient(port, province.tokenFor(clerk));
        String letter = ArrivingLetters.registered(registering, commune.id(), "Về việc tập huấn sử dụng phần mềm", 0);
        var assigned = new ApiClient(port, province.tokenFor(chairman))
                .postJson(
                        "/api/v1/documents/" + letter + "/handling/assignment",
                        Map.of("leadId", province.personId(communeItOfficer)));
        assertThat(assigned.status()).as(assigned.body()).isBetween(200, 201);
    }

    @Test
    void theDistrictsItOfficerSeesEveryOfficialOfTheDistrictRankedForThisQuarterSoFar() throws Exception {
        Document page = pages.page(usage(district.id(), null), districtItOfficer);

        int quarter = (TODAY.getMonthValue() + 2) / 3;
        assertThat(page.select("select[name=period] option[selected]").text())
                .isEqualTo("Quý " + quarter + "/" + TODAY.getYear() + " (đến hôm nay)");
        LocalDate start = LocalDate.of(TODAY.getYear(), 3 * quarter - 2, 1);
        assertThat(page.select(".usage-facts strong").text())
                .isEqualTo("Từ ngày " + VietnamTime.DAY.format(start) + " đến ngày " + VietnamTime.DAY.format(TODAY));
        assertThat(page.select(".usage-facts").text())
                .contains("Số cán bộ: 5; chưa dùng phần mềm trong kỳ: 3.")
                .contains("Công thức tính điểm: 2 × Văn bản đăng ký + Phân công xử lý + 3 × Xử lý đúng hạn")
                .doesNotContain("registered");
        // Equal scores in the order of the Vietnamese alphabet: Đ after D, before L.
        assertThat(page.select("table.usage tbody th.name > span:first-child").eachText())
                .containsExactly(
                        "Hà Thị Sổ Sách", "Vương Văn Xã", "Đàm Thị Mạng", "Lưu Văn Tin Học", "Ma Văn Chưa Học");
        assertThat(cells(page, "Hà Thị Sổ Sách")).containsExactly("1", "1", "1", "0", "0", "0", "0", "0", "2,00");
        assertThat(who(page, "Hà Thị Sổ Sách")).isEqualTo("Văn thư · Ủy ban nhân dân xã Bản Chấm");
        assertThat(cells(page, "Vương Văn Xã")).containsExactly("2", "2", "0", "1", "0", "0", "0", "0", "1,00");
        assertThat(who(page, "Vương Văn Xã")).isEqualTo("Chủ tịch · Ủy ban nhân dân xã Bản Chấm");
        assertThat(cells(page, "Lưu Văn Tin Học")).containsExactly("3", "1", "0", "0", "0", "0", "0", "0", "0,00");
        assertThat(who(page, "Lưu Văn Tin Học"))
                .isEqualTo("Cán bộ công nghệ thông tin · Ủy ban nhân dân huyện Trang Điểm");
        assertThat(cells(page, "Ma Văn Chưa Học")).containsExactly("3", "1", "0", "0", "0", "0", "0", "0", "0,00");
        assertThat(who(page, "Ma Văn Chưa Học")).isEqualTo("Chuyên viên · Ủy ban nhân dân xã Nà Điểm");
        assertThat(row(page, "Ma Văn Chưa Học").select(".badge").text()).isEqualTo("Chưa dùng");
        assertThat(row(page, "Hà Thị Sổ Sách").select(".badge")).isEmpty();
        assertThat(page.select("#usage-xlsx").attr("href"))
                .isEqualTo(usage(district.id(), null) + "/export?period=" + TODAY.getYear() + "-Q" + quarter);
    }

    @Test
    void aMonthPickedIsTheMonthScoredAndItsSpreadsheetHoldsTheSameOfficialsInTheSameOrder() throws Exception {
        YearMonth thisMonth = YearMonth.from(TODAY);
        Document page = pages.page(usage(district.id(), thisMonth.toString()), districtItOfficer);
        assertThat(page.select("select[name=period] option[selected]").text())
                .isEqualTo("Tháng " + thisMonth.getMonthValue() + "/" + thisMonth.getYear() + " (đến hôm nay)");
        List<String> shown =
                page.select("table.usage tbody th.name > span:first-child").eachText();

        MockHttpServletResponse xlsx = pages.download(page.select("#usage-xlsx").attr("href"), districtItOfficer);

        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeader("Content-Disposition"))
                .contains("diem-su-dung-" + thisMonth.atDay(1) + "-" + TODAY + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("ĐIỂM SỬ DỤNG PHẦN MỀM QUẢN LÝ VĂN BẢN - Ủy ban nhân dân huyện Trang Điểm");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Từ ngày " + VietnamTime.DAY.format(thisMonth.atDay(1)) + " đến ngày "
                            + VietnamTime.DAY.format(TODAY));
            List<String> names = new ArrayList<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                names.add(sheet.getRow(r).getCell(2).getStringCellValue());
            }
            assertThat(names).isEqualTo(shown);
            Row first = sheet.getRow(5);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Hà Thị Sổ Sách");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(2);
        }

        // Last month nobody had done anything yet: the period picked is the one counted.
        String lastMonth = thisMonth.minusMonths(1).toString();
        Document before = pages.page(usage(district.id(), lastMonth), districtItOfficer);
        assertThat(cells(before, "Hà Thị Sổ Sách")).contains("0,00").doesNotContain("2,00");
        assertThat(before.select(".usage-facts").text()).contains("chưa dùng phần mềm trong kỳ: 5.");
    }

    @Test
    void whoMayNotReadTheScoresGetsTheForbiddenPageAndAUnitThatDoesNotExistIsNotFound() throws Exception {
        assertThat(status(usage(commune.id(), null), communeItOfficer)).isEqualTo(200);
        assertThat(status(usage(district.id(), null), monitor)).isEqualTo(200);
        assertThat(status(usage(commune.id(), null), districtItOfficer)).isEqualTo(200);

        MockHttpServletResponse refused = pages.download(usage(district.id(), null), communeItOfficer);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.getContentAsString(StandardCharsets.UTF_8))
                        .select(".alert.error")
                        .text())
                .startsWith("Bạn không được xem điểm sử dụng của đơn vị này");
        assertThat(status(usage(otherCommune.id(), null), specialist)).isEqualTo(403);
        assertThat(status(usage(otherCommune.id(), null) + "/export", specialist))
                .isEqualTo(403);
        assertThat(status(usage(otherCommune.id(), null), clerk)).isEqualTo(403);

        MockHttpServletResponse missing = pages.download(usage(UUID.randomUUID(), null), districtItOfficer);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.getContentAsString(StandardCharsets.UTF_8))
                        .select(".alert.error")
                        .text())
                .startsWith("Không tìm thấy đơn vị");
    }

    @Test
    void aPeriodThatCannotBeReadIsInTheFutureOrTooLongIsRefusedInTheReadersLanguage() throws Exception {
        MockHttpServletResponse unreadable = pages.download(usage(district.id(), "2026-Q5"), districtItOfficer);
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(error(unreadable)).startsWith("Không đọc được kỳ \"2026-Q5\"");
        MockHttpServletResponse english =
                pages.download(usage(district.id(), "2026-Q5") + "&lang=en", districtItOfficer);
        assertThat(error(english)).startsWith("The period \"2026-Q5\" cannot be read");
        assertThat(status(usage(district.id(), "2026-Q5"), clerk))
                .as("the right is judged before the period is read")
                .isEqualTo(403);
        MockHttpServletResponse export =
                pages.download(usage(district.id(), null) + "/export?period=2026-Q5", districtItOfficer);
        assertThat(export.getStatus()).isEqualTo(400);
        assertThat(error(export)).startsWith("Không đọc được kỳ");

        YearMonth next = YearMonth.from(TODAY).plusMonths(1);
        assertThat(error(pages.download(usage(district.id(), next.toString()), districtItOfficer)))
                .isEqualTo("Kỳ bắt đầu ngày " + VietnamTime.DAY.format(next.atDay(1)) + ", sau hôm nay ("
                        + VietnamTime.DAY.format(TODAY) + "): chưa có số liệu.");
        String twoYears = TODAY.minusYears(2) + ".." + TODAY;
        assertThat(error(pages.download(usage(district.id(), twoYears), districtItOfficer)))
                .isEqualTo("Kỳ thống kê dài quá 366 ngày.");
    }

    @Test
    void theScoresAreOfferedInTheMenuAndOnTheStatisticsPagesOnlyToThoseWhoMayReadThem() throws Exception {
        assertThat(pages.page("/", districtItOfficer)
                        .select("nav a[href='/statistics/usage']")
                        .text())
                .isEqualTo("Điểm sử dụng");
        assertThat(pages.page("/", clerk).select("nav a[href='/statistics/usage']"))
                .isEmpty();
        MockHttpServletResponse own = pages.download("/statistics/usage", districtItOfficer);
        assertThat(own.getRedirectedUrl()).isEqualTo(usage(district.id(), null));
        assertThat(pages.download("/statistics/usage", communeItOfficer).getRedirectedUrl())
                .isEqualTo(usage(commune.id(), null));
        assertThat(status("/statistics/usage", specialist)).isEqualTo(403);

        assertThat(pages.page("/statistics/units/" + commune.id(), communeItOfficer)
                        .select("#usage-scores")
                        .attr("href"))
                .isEqualTo(usage(commune.id(), null));
        assertThat(pages.page("/statistics/units/" + commune.id(), clerk).select("#usage-scores"))
                .isEmpty();
        assertThat(pages.page("/statistics", districtItOfficer)
                        .select("#usage-scores")
                        .attr("href"))
                .isEqualTo(usage(district.id(), null));
    }

    private static String usage(UUID unitId, String period) {
        String path = "/statistics/units/" + unitId + "/usage";
        return period == null ? path : path + "?period=" + period;
    }

    private int status(String path, String username) throws Exception {
        return pages.download(path, username).getStatus();
    }

    private static String error(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
                .select(".alert.error")
                .text();
    }

    private static Element row(Document page, String name) {
        return page.select("table.usage tbody tr:has(th.name:contains(" + name + "))")
                .first();
    }

    private static String who(Document page, String name) {
        return row(page, name).select("th.name .who").text();
    }

    private static List<String> cells(Document page, String name) {
        Element row = row(page, name);
        assertThat(row).as(name).isNotNull();
        return row.select("td").eachText();
    }
}
