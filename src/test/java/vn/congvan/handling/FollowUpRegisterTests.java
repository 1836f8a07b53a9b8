package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
import vn.congvan.Poppler;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/** The follow-up register of incoming documents and the handling report, from what was handled. */
@CongVanTest
class FollowUpRegisterTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    TestProvince.Unit unit;
    String directorName;
    ApiClient clerk;
    ApiClient director;
    ApiClient specialist;
    UUID specialistId;
    String period;

    @BeforeEach
    void threeLettersOneDoneOneRefusedOneWaiting() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        unit = province.aUnit("Ủy ban nhân dân xã Tam Tiến", "UBND", "COMMUNE", "COMMUNE", null);
        clerk = new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Xã", Role.CLERK, unit.id())));
        directorName = province.anOfficial("Chủ Tịch Xã", Role.LEADER, unit.id());
        director = new ApiClient(port, province.tokenFor(directorName));
        String s = province.anOfficial("Công Chức Địa Chính", Role.SPECIALIST, unit.id());
        specialist = new ApiClient(port, province.tokenFor(s));
        specialistId = province.personId(s);
        String done = ArrivingLetters.registered(clerk, unit.id(), "Về việc đo đạc địa chính thôn Đồng", 0);
        String refused = ArrivingLetters.registered(clerk, unit.id(), "Về việc gửi nhầm xã", 0);
        ArrivingLetters.registered(clerk, unit.id(), "Về việc chờ trình lãnh đạo", 0);
        director.postJson(
                "/api/v1/documents/" + done + "/handling/assignment",
                Map.of("leadId", specialistId, "deadline", IncomingHandlingTests.aWorkingDayAfter(2)));
        specialist.postJson("/api/v1/documents/" + done + "/handling/completion", Map.of("note", "Đã đo đạc xong"));
        clerk.postJson("/api/v1/documents/" + refused + "/handling/refusal", Map.of("reason", "Không phải của xã"));
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        period = "from=" + today.minusDays(1) + "&to=" + today;
    }

    @Test
    void myWorkOffersTheMonthSoFarDayFirstAndItsFormPrintsThePeriodAsTyped() throws Exception {
        PagesAs pages = new PagesAs(context);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        String action = "/units/" + unit.id() + "/follow-up-register";

        Document work = pages.page("/my-work", directorName);

        var form = work.select("form[action=" + action + "]");
        assertThat(form.select("input[name=from]").val()).isEqualTo(VietnamTime.DAY.format(today.withDayOfMonth(1)));
        assertThat(form.select("input[name=to]").val()).isEqualTo(VietnamTime.DAY.format(today));
        assertThat(form.select("input[name=to]").attr("type")).isEqualTo("text");
        var xlsx = pages.download(
                action + "?format=XLSX&from=" + VietnamTime.DAY.format(today.minusDays(1)) + "&to="
                        + VietnamTime.DAY.format(today),
                directorName);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(7);
        }
        assertThat(pages.download(
                                action + "?format=XLSX&from=30/02/2026&to=" + VietnamTime.DAY.format(today),
                                directorName)
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void theRegisterPrintsEachArrivalWithItsHandlerProgressAndWhetherItWasOnTime() throws Exception {
        var pdf = director.get("/api/v1/units/" + unit.id() + "/follow-up-register?format=PDF&" + period);

        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
                            "Ủy ban nhân dân xã Tam Tiến".toUpperCase(),
                            "Công Chức Địa Chính",
                            "Hoàn thành: Đã đo đạc xong",
                            "Đúng hạn",
                            "Đã từ chối",
                            "Không phải của xã",
                            "Chờ trình");
        }
        assertThat(Poppler.render(pdf.bytes(), 1, 50)).isNotEmpty();

        var xlsx = clerk.get("/api/v1/units/" + unit.id() + "/follow-up-register?format=XLSX&" + period);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Số đến");
            Row first = sheet.getRow(5);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Công Chức Địa Chính");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("Đúng hạn");
            assertThat(sheet.getLastRowNum()).isEqualTo(7);
        }
    }

    @Test
    void theReportCountsWhatArrivedWasDoneRefusedOrIsStillWaiting() {
        var report = director.get("/api/v1/units/" + unit.id() + "/handling-report?" + period);

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json())
                .containsEntry("arrived", 3)
                .containsEntry("done", 1)
                .containsEntry("doneOnTime", 1)
                .containsEntry("doneLate", 0)
                .containsEntry("refused", 1)
                .containsEntry("waiting", 1)
                .containsEntry("overdue", 0);
    }

    @Test
    void aSpecialistCannotPrintItAndAReversedPeriodIsRefused() {
        assertThat(specialist
                        .get("/api/v1/units/" + unit.id() + "/handling-report?" + period)
                        .status())
                .isEqualTo(403);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        var reversed = director.get(
                "/api/v1/units/" + unit.id() + "/handling-report?from=" + today + "&to=" + today.minusDays(3));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.get("code")).isEqualTo("registry.period.reversed");
    }
}
