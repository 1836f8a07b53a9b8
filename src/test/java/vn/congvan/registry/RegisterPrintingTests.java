package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

@CongVanTest
class RegisterPrintingTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    TestProvince province;
    TestProvince.Unit office;
    String clerkName;
    ApiClient clerk;

    @BeforeEach
    void anOfficeThatReceivedThreeDocuments() {
        province = new TestProvince(jdbc, encoder, port);
        office = province.aUnit("Văn phòng Ủy ban nhân dân tỉnh", "VP");
        clerkName = province.anOfficial("Trịnh Thị Lưu", Role.CLERK, office.id());
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("unitId", office.id().toString());
            m.put("typeName", "Báo cáo");
            m.put("codeNumber", Integer.toString(100 + i));
            m.put("codeNotation", "BC-SNN");
            m.put("issuedDate", LocalDate.now().minusDays(3).toString());
            m.put("organName", "Sở Nông nghiệp và Phát triển nông thôn");
            m.put("subject", "Báo cáo tình hình sản xuất vụ đông số " + i);
            m.put("confidentiality", i == 3 ? 1 : 0);
            assertThat(clerk.multipart(
                                    "/api/v1/documents/incoming",
                                    m,
                                    FilePart.pdf("bc.pdf", SamplePdf.withText("BÁO CÁO")),
                                    List.of())
                            .status())
                    .isEqualTo(201);
        }
    }

    String incomingRegister() {
        var registers = clerk.get("/api/v1/units/" + office.id() + "/registers");
        assertThat(registers.status()).as(registers.body()).isEqualTo(200);
        List<?> list = new tools.jackson.databind.json.JsonMapper().readValue(registers.body(), List.class);
        return list.stream()
                .map(r -> (Map<?, ?>) r)
                .filter(r -> r.get("direction").equals("INCOMING"))
                .map(r -> (String) r.get("id"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theIncomingRegisterPrintsAsASpreadsheetWithTheDecreesColumnsAndOneRowPerArrival() throws Exception {
        var xlsx = clerk.get("/api/v1/registers/" + incomingRegister() + "/export?from="
                + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1) + "&format=XLSX");

        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getStringCellValue()));
                rows.add(cells);
            }
            assertThat(rows.get(1)).containsExactly("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
            assertThat(rows)
                    .anySatisfy(r -> assertThat(r)
                            .containsExactly(
                                    "Ngày đến",
                                    "Số đến",
                                    "Tác giả",
                                    "Số, ký hiệu",
                                    "Ngày tháng",
                                    "Tên loại và trích yếu nội dung",
                                    "Đơn vị hoặc người nhận",
                                    "Ngày chuyển",
                                    "Ký nhận",
                                    "Ghi chú"));
            List<List<String>> entries = rows.subList(rows.size() - 3, rows.size());
            assertThat(entries).extracting(r -> r.get(1)).containsExactly("1", "2", "3");
            assertThat(entries.get(0).get(3)).isEqualTo("101/BC-SNN");
            assertThat(entries.get(0).get(5)).isEqualTo("Báo cáo - Báo cáo tình hình sản xuất vụ đông số 1");
            assertThat(entries.get(2).get(5)).isEqualTo("Báo cáo - (Mật)");
        }
    }

    @Test
    void theIncomingRegisterPrintsAsAPdfWithVietnameseText() throws Exception {
        var pdf = clerk.get("/api/v1/registers/" + incomingRegister() + "/export?from="
                + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1) + "&format=PDF");

        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN")
                    .contains("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH")
                    .contains("sản xuất vụ đông số 2")
                    .contains("102/BC-SNN")
                    .doesNotContain("vụ đông số 3");
        }
    }

    @Test
    void theRegistersPageOffersTheYearSoFarDayFirstAndPrintsThePeriodAsTyped() throws Exception {
        PagesAs pages = new PagesAs(context);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        String register = incomingRegister();

        Document page = pages.page("/registers?unitId=" + office.id(), clerkName);

        assertThat(page.select("#from-" + register).val()).isEqualTo(VietnamTime.DAY.format(today.withDayOfYear(1)));
        assertThat(page.select("#to-" + register).val()).isEqualTo(VietnamTime.DAY.format(today));
        assertThat(page.select("#to-" + register).attr("type")).isEqualTo("text");
        var printed = pages.download(
                "/registers/" + register + "/print?format=XLSX&from=" + VietnamTime.DAY.format(today.minusDays(1))
                        + "&to=" + today.plusDays(1).getDayOfMonth() + "/"
                        + today.plusDays(1).getMonthValue() + "/"
                        + today.plusDays(1).getYear(),
                clerkName);
        assertThat(printed.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(printed.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(1).getStringCellValue())
                    .isEqualTo("3");
        }
    }

    @Test
    void aDayThatIsNoDayIsRefusedSayingWhatWasTyped() throws Exception {
        var page = new PagesAs(context)
                .download("/registers/" + incomingRegister() + "/print?from=31/02/2026&to=01/03/2026", clerkName);

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8)).text())
                .contains("Không đọc được ngày \"31/02/2026\": ghi theo dạng ngày/tháng/năm, ví dụ 15/12/2026.");
        var refused = clerk.inEnglish()
                .get("/api/v1/registers/" + incomingRegister() + "/export?from=2026-02-31&to=2026-03-01");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("validation.day");
        assertThat(refused.get("field")).isEqualTo("from");
        assertThat(refused.get("detail"))
                .isEqualTo("The day \"2026-02-31\" cannot be read: write it as day/month/year, e.g. 15/12/2026.");
    }

    @Test
    void aReversedPeriodIsRefused() {
        var refused = clerk.inEnglish()
                .get("/api/v1/registers/" + incomingRegister() + "/export?from=" + LocalDate.now() + "&to="
                        + LocalDate.now().minusDays(5));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("registry.period.reversed").contains("must come before");
    }

    @Test
    void aSpecialistMayNotPrintTheRegister() {
        ApiClient specialist = new ApiClient(
                port, province.tokenFor(province.anOfficial("Hà Văn Chuyên", Role.SPECIALIST, office.id())));

        var refused = specialist.get("/api/v1/registers/" + incomingRegister() + "/export?from="
                + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now());

        assertThat(refused.status()).isEqualTo(403);
    }
}
