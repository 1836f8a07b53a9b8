package vn.congvan.statistics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.Browser;
import vn.congvan.CongVanTest;
import vn.congvan.InTheBrowser;
import vn.congvan.Poppler;
import vn.congvan.SamplePdf;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.PdfSignatures;
import vn.congvan.signing.TestSigners;
import vn.congvan.signing.ValidationReport;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.statistics.StatisticsAuditAction;
import vn.congvan.statistics.figures.Metric;
import vn.congvan.statistics.figures.Period;
import vn.congvan.statistics.figures.Statistics;
import vn.congvan.statistics.figures.UnitFigures;

/**
 * Two departments whose incoming documents of a past month were handled in the software, one fully,
 * one a quarter of them: the monthly report made from it, read as the API serves it (the XLSX parsed,
 * the PDF's seal validated by CongVan and by poppler, its pages rendered), made once however many
 * ask at the same time, and the department below target reminded.
 */
@InTheBrowser
@CongVanTest
@TestPropertySource(properties = "congvan.statistics.report-unit=" + MonthlyReportTests.IT_CENTRE_CODE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportTests {

    static final String IT_CENTRE_CODE = "T.TTCNTT-BAO-CAO";
    static final YearMonth MONTH = YearMonth.now(VietnamTime.ZONE).minusMonths(3);

    @DynamicPropertySource
    static void timeStampingService(DynamicPropertyRegistry registry) {
        registry.add("congvan.signing.tsa-url", () -> TestPki.shared().tsaUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    @Autowired
    Statistics statistics;

    @Autowired
    PdfSignatures signatures;

    @Autowired
    MonthlyReports reports;

    TestProvince province;
    TestProvince.Unit itCentre;
    TestProvince.Unit behind;
    TestProvince.Unit ahead;
    String monitorName;
    ApiClient monitor;
    String behindClerk;
    String aheadClerk;
    ApiClient.Answer generated;

    @BeforeAll
    void twoDepartmentsHandledTheirLettersOfAPastMonthAndTheReportIsMade() throws InterruptedException {
        province = new TestProvince(jdbc, encoder, port);
        itCentre = province.aUnit("Trung tâm Công nghệ thông tin và Truyền thông tỉnh", "TTCNTT");
        jdbc.sql("update unit set code = ? where id = ?")
                .params(IT_CENTRE_CODE, itCentre.id())
                .update();
        new TestSigners(jdbc, certificates).organization(itCentre.id(), itCentre.name());
        monitorName = province.anOfficial("Ngô Văn Giám Sát", Role.PROVINCIAL_MONITOR, itCentre.id());
        monitor = api(monitorName);

        behind = province.aUnit("Sở Khoa học và Công nghệ chậm xử lý", "SKHCN");
        behindClerk = province.anOfficial("Văn Thư Sở Chậm", Role.CLERK, behind.id());
        handleLetters(behind, behindClerk, 4, 1);
        ahead = province.aUnit("Sở Công Thương xử lý tốt", "SCT");
        aheadClerk = province.anOfficial("Văn Thư Sở Tốt", Role.CLERK, ahead.id());
        handleLetters(ahead, aheadClerk, 2, 2);
        awaitFigures(behind, 4, 1);
        awaitFigures(ahead, 2, 2);

        generated = monitor.postJson("/api/v1/monthly-reports", Map.of("month", MONTH.toString()));
    }

    @Test
    void theMonitorMakesTheReportOfAPastMonthWhichIsListedWithItsFigures() {
        assertThat(generated.status()).as(generated.body()).isEqualTo(201);
        assertThat(generated.get("state")).isEqualTo("READY");
        assertThat(generated.get("issuer")).isEqualTo(itCentre.name());
        assertThat((Integer) generated.get("unitsBelowTarget")).isGreaterThanOrEqualTo(2);

        List<?> listed = monitor.get("/api/v1/monthly-reports").list();
        assertThat(listed).anySatisfy(r -> {
            assertThat(((Map<?, ?>) r).get("month")).isEqualTo(MONTH.toString());
            assertThat(((Map<?, ?>) r).get("id")).isEqualTo(generated.get("id"));
        });
        var again = monitor.postJson("/api/v1/monthly-reports", Map.of("month", MONTH.toString()));
        assertThat(again.status()).as("a month is made once").isEqualTo(200);
        assertThat(again.get("id")).isEqualTo(generated.get("id"));
    }

    @Test
    void theSpreadsheetRanksEachDepartmentWithItsCountsAndRates() throws IOException {
        var xlsx = monitor.get("/api/v1/monthly-reports/" + MONTH + "?format=XLSX");

        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            Sheet agencies = workbook.getSheet("Sở, ban, ngành");
            assertThat(agencies.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Tháng " + ReportWorkbook.month(new ReportContent.Month(MONTH, Map.of(), List.of()))
                            + " - " + itCentre.name());
            assertThat(agencies.getRow(ReportWorkbook.HEADINGS_ROW).getCell(9).getStringCellValue())
                    .isEqualTo("Tỷ lệ xử lý trên phần mềm (%)");
            Row slow = row(agencies, behind.name());
            assertThat(slow.getCell(7).getNumericCellValue()).isEqualTo(4);
            assertThat(slow.getCell(9).getNumericCellValue()).isEqualTo(25.0);
            assertThat(slow.getCell(10).getNumericCellValue())
                    .as("handled without deadline: on time")
                    .isEqualTo(100.0);
            assertThat(slow.getCell(13).getNumericCellValue()).isEqualTo(90);
            assertThat(slow.getCell(15).getStringCellValue()).contains("Văn bản đến xử lý trên phần mềm");
            Row good = row(agencies, ahead.name());
            assertThat(good.getCell(7).getNumericCellValue()).isEqualTo(2);
            assertThat(good.getCell(9).getNumericCellValue()).isEqualTo(100.0);
            assertThat(good.getCell(15).getStringCellValue()).doesNotContain("xử lý trên phần mềm");
            assertThat(good.getCell(4)).as("no outgoing document: no rate").isNull();
        }
    }

    @Test
    void thePdfCarriesTheItCentresSealValidByCongVanAndByPoppler() throws IOException {
        var pdf = monitor.get("/api/v1/monthly-reports/" + MONTH + "?format=PDF");

        assertThat(pdf.status()).isEqualTo(200);
        ValidationReport report = signatures.validate(new ByteArrayInputStream(pdf.bytes()), Locale.ENGLISH);
        assertThat(report.allValid()).as(String.valueOf(report)).isTrue();
        assertThat(report.signatures())
                .singleElement()
                .satisfies(s -> assertThat(s.signerName()).contains(itCentre.name()));
        assertThat(Poppler.pdfsig(pdf.bytes()))
                .singleElement()
                .satisfies(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));
    }

    @Test
    void theSealedPdfCarriesTheAuditChainsHeadAsTheTimeStampingAuthorityVouchedForItWhenTheReportWasMade()
            throws IOException {
        byte[] pdf =
                monitor.get("/api/v1/monthly-reports/" + MONTH + "?format=PDF").bytes();
        String cover;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            cover = text.getText(document);
        }
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/monthly-report-cover.png"), Poppler.render(pdf, 1, 100));

        Matcher head = Pattern.compile("bản ghi số (\\d+), được cấp dấu thời gian lúc (\\S+ \\S+)")
                .matcher(cover);
        assertThat(head.find()).as(cover).isTrue();
        long seq = Long.parseLong(head.group(1));
        String hash = jdbc.sql("select hash from audit_record where seq = ?")
                .param(seq)
                .query(String.class)
                .single();
        assertThat(cover).contains("Mã băm SHA-256 của bản ghi: " + hash);
        long reportRecord = jdbc.sql("select seq from audit_record where action = 'statistics.report.generated'"
                        + " and subject_id = ? order by seq desc limit 1")
                .param(generated.get("id"))
                .query(Long.class)
                .single();
        assertThat(seq).as("the head just before the report was recorded").isLessThan(reportRecord);
        assertThat(head.group(2))
                .as("Vietnam time, the hour of generation")
                .endsWith(LocalDate.now(VietnamTime.ZONE).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }

    @Test
    void thePdfPagesRenderWithTheTrendAndTheDepartmentsBarsColouredAgainstTheirTargets() throws IOException {
        byte[] pdf =
                monitor.get("/api/v1/monthly-reports/" + MONTH + "?format=PDF").bytes();
        int pageOfBehind;
        int pageOfAhead;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(4);
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            assertThat(text.getText(document))
                    .contains("BÁO CÁO KẾT QUẢ ỨNG DỤNG PHẦN MỀM QUẢN LÝ VĂN BẢN")
                    .contains("Diễn biến 12 tháng toàn tỉnh");
            pageOfBehind = pageWith(document, behind.name());
            // Other tests' agencies share the ranking: the two may be pages apart.
            pageOfAhead = pageWith(document, ahead.name());
        }
        BufferedImage cover = ImageIO.read(new ByteArrayInputStream(Poppler.render(pdf, 1, 60)));
        assertThat(darkPixels(cover))
                .as("the cover shows its text and the chart's axes")
                .isGreaterThan(500);

        BufferedImage slow = ImageIO.read(new ByteArrayInputStream(Poppler.render(pdf, pageOfBehind, 60)));
        assertThat(pixels(slow, 200, 40, 40))
                .as("the department handling a quarter is red")
                .isGreaterThan(3);
        BufferedImage good = ImageIO.read(new ByteArrayInputStream(Poppler.render(pdf, pageOfAhead, 60)));
        assertThat(pixels(good, 46, 139, 87))
                .as("the one handling all is green")
                .isGreaterThan(3);
    }

    @Test
    void theDepartmentBelowTargetIsRemindedWithItsFigures() {
        List<String> slow = texts(api(behindClerk));
        assertThat(slow)
                .anySatisfy(t -> assertThat(t)
                        .startsWith("Đôn đốc tháng " + String.format("%02d/%d", MONTH.getMonthValue(), MONTH.getYear())
                                + ": " + behind.name() + " chưa đạt chỉ tiêu:")
                        .contains("Văn bản đến xử lý trên phần mềm 25,0% (chỉ tiêu 90%)"));
        assertThat(texts(api(behindClerk).inEnglish()))
                .as("the figures in the reader's language")
                .anySatisfy(t -> assertThat(t).contains("Incoming handled in the software 25.0% (target 90%)"));
        assertThat(texts(api(aheadClerk))).noneSatisfy(t -> assertThat(t).contains("Văn bản đến xử lý trên phần mềm"));
    }

    @Test
    void twoCallersAtOnceMakeTheMonthOnce() throws Exception {
        YearMonth month = YearMonth.now(VietnamTime.ZONE).minusMonths(5);
        ApiClient admin = api(province.anOfficial("Quản Trị Viên", Role.ADMINISTRATOR, itCentre.id()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<ApiClient.Answer>> calls = List.of(
                () -> monitor.postJson("/api/v1/monthly-reports", Map.of("month", month.toString())),
                () -> admin.postJson("/api/v1/monthly-reports", Map.of("month", month.toString())));
        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiClient.Answer> answer : pool.invokeAll(calls)) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(201);
        assertThat(statuses).allMatch(s -> s == 201 || s == 200 || s == 409);
        assertThat(jdbc.sql("select count(*) from monthly_report where month = ?")
                        .param(month.atDay(1))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(generations(month)).isEqualTo(1);
    }

    @Test
    void theScheduledRunMakesTheMonthBeforeOnceOnAnyNumberOfRuns() throws Exception {
        YearMonth previous = YearMonth.now(VietnamTime.ZONE).minusMonths(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Object>> runs = List.of(() -> reports.generateDue(), () -> reports.generateDue());
        for (Future<Object> run : pool.invokeAll(runs)) {
            try {
                run.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // The loser of the race hears the month is being made.
                assertThat(e.getCause()).hasMessage("statistics.report.generating");
            }
        }
        pool.shutdown();
        reports.generateDue();

        assertThat(jdbc.sql("select state from monthly_report where month = ?")
                        .param(previous.atDay(1))
                        .query(String.class)
                        .list())
                .containsExactly("READY");
        assertThat(generations(previous)).isEqualTo(1);
    }

    @Test
    void onlyTheMonitorMakesReportsOnlyForMonthsThatEndedAndOnlyThoseSeeingTheProvinceReadThem() {
        ApiClient clerk = api(behindClerk).inEnglish();
        var refused = clerk.postJson("/api/v1/monthly-reports", Map.of("month", MONTH.toString()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("statistics.report.not-allowed");
        assertThat(clerk.get("/api/v1/monthly-reports").status()).isEqualTo(403);
        assertThat(clerk.get("/api/v1/monthly-reports/" + MONTH).status()).isEqualTo(403);

        var current = monitor.inEnglish()
                .postJson(
                        "/api/v1/monthly-reports",
                        Map.of("month", YearMonth.now(VietnamTime.ZONE).toString()));
        assertThat(current.status()).isEqualTo(400);
        assertThat(current.get("code")).isEqualTo("statistics.report.month-not-over");
        var unreadable = monitor.postJson("/api/v1/monthly-reports", Map.of("month", "2026-13"));
        assertThat(unreadable.get("code")).isEqualTo("statistics.report.month-unreadable");
        var missing = monitor.get("/api/v1/monthly-reports/2001-01");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.get("code")).isEqualTo("statistics.report.not-found");
    }

    @Test
    void theMonitorFindsTheMonthOnTheReportsPageDownloadsTheSealedFileAndIsToldWhichMonthsCanBeMade()
            throws IOException {
        try (Browser browser = new Browser()) {
            Page page = browser.newPage(false);
            signIn(page, monitorName);
            page.navigate("http://localhost:" + port + "/statistics");
            page.click("#monthly-reports");

            Locator row = page.locator("table.reports tr[data-month='" + MONTH + "']");
            assertThat(row.textContent()).contains(itCentre.name()).contains("Đã lập");
            Download download = page.waitForDownload(() -> row.locator("a.pdf").click());
            assertThat(download.suggestedFilename()).isEqualTo("bao-cao-thang-" + MONTH + ".pdf");
            assertThat(Files.readAllBytes(download.path()))
                    .as("the file the API serves, with its seal")
                    .isEqualTo(monitor.get("/api/v1/monthly-reports/" + MONTH + "?format=PDF")
                            .bytes());

            page.fill(
                    "#make-report input[name=month]",
                    YearMonth.now(VietnamTime.ZONE).toString());
            page.click("#make-report button[type=submit]");
            assertThat(page.locator("#step-problem").textContent()).contains("chưa kết thúc");

            page.fill("#make-report input[name=month]", MONTH.toString());
            page.click("#make-report button[type=submit]");
            assertThat(page.locator("#step-done").textContent()).contains(MONTH + " đã được lập trước đó");
            assertThat(generations(MONTH)).as("asking again makes nothing").isEqualTo(1);

            Page clerkPage = browser.newPage(false);
            signIn(clerkPage, behindClerk);
            assertThat(clerkPage
                            .navigate("http://localhost:" + port + "/statistics/reports")
                            .status())
                    .isEqualTo(403);
        }
    }

    private void signIn(Page page, String username) {
        Browser.signIn(page, "http://localhost:" + port + "/login", username);
    }

    private long generations(YearMonth month) {
        return jdbc.sql("select count(*) from audit_record where action = ? and details::jsonb ->> 'month' = ?")
                .params(StatisticsAuditAction.REPORT_GENERATED.value(), month.toString())
                .query(Long.class)
                .single();
    }

    /** Registers letters that arrived in the month and has the first {@code handled} of them handled to the end. */
    private void handleLetters(TestProvince.Unit unit, String clerkName, int letters, int handled) {
        ApiClient clerk = api(clerkName);
        ApiClient leader = api(province.anOfficial("Giám Đốc " + unit.abbreviation(), Role.LEADER, unit.id()));
        String handlerName = province.anOfficial("Chuyên Viên " + unit.abbreviation(), Role.SPECIALIST, unit.id());
        ApiClient handler = api(handlerName);
        LocalDate arrived = MONTH.atDay(15);
        for (int i = 0; i < letters; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("unitId", unit.id().toString());
            m.put("typeName", "Công văn");
            m.put("codeNumber", Integer.toString(100 + i));
            m.put("codeNotation", "UBND-KT");
            m.put("issuedDate", arrived.minusDays(1).toString());
            m.put(
                    "arrivalDate",
                    arrived.atTime(9, 0)
                            .atZone(VietnamTime.ZONE)
                            .toOffsetDateTime()
                            .toString());
            m.put("organName", "Ủy ban nhân dân tỉnh");
            m.put("subject", "Về việc báo cáo tháng số " + i);
            m.put("confirmDuplicate", true);
            var letter = clerk.multipart(
                    "/api/v1/documents/incoming",
                    m,
                    FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN", "Về việc báo cáo " + i)),
                    List.of());
            assertThat(letter.status()).as(letter.body()).isEqualTo(201);
            if (i < handled) {
                String path = "/api/v1/documents/" + letter.get("id") + "/handling/";
                var assigned = leader.postJson(path + "assignment", Map.of("leadId", province.personId(handlerName)));
                assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
                var done = handler.postJson(path + "completion", Map.of("note", "Đã xử lý"));
                assertThat(done.status()).as(done.body()).isEqualTo(200);
            }
        }
    }

    /** The figures follow the documents through events after each commit: wait for them. */
    private void awaitFigures(TestProvince.Unit unit, long received, long handled) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        UnitFigures figures = statistics.figures(unit.id(), Period.month(MONTH));
        while ((figures.count(Metric.INCOMING_RECEIVED) != received
                        || figures.count(Metric.INCOMING_HANDLED) != handled)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            figures = statistics.figures(unit.id(), Period.month(MONTH));
        }
        assertThat(figures.count(Metric.INCOMING_RECEIVED)).isEqualTo(received);
        assertThat(figures.count(Metric.INCOMING_HANDLED)).isEqualTo(handled);
    }

    private static Row row(Sheet sheet, String unitName) {
        for (Row row : sheet) {
            if (row.getCell(1) != null && unitName.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row of " + unitName);
    }

    private static int pageWith(PDDocument document, String name) throws IOException {
        PDFTextStripper text = new PDFTextStripper();
        for (int page = 2; page <= document.getNumberOfPages(); page++) {
            text.setStartPage(page);
            text.setEndPage(page);
            if (text.getText(document).contains(name)) {
                return page;
            }
        }
        throw new AssertionError("no page names " + name);
    }

    private static long darkPixels(BufferedImage image) {
        return pixels(image, -1, -1, -1);
    }

    /** Pixels of the colour (within a small distance); a negative red counts dark pixels. */
    private static long pixels(BufferedImage image, int red, int green, int blue) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                boolean match = red < 0
                        ? r + g + b < 200
                        : Math.abs(r - red) < 20 && Math.abs(g - green) < 20 && Math.abs(b - blue) < 20;
                if (match) {
                    count++;
                }
            }
        }
        return count;
    }

    private List<String> texts(ApiClient official) {
        return ((List<?>) official.get("/api/v1/notifications").get("notices"))
                .stream().map(n -> (String) ((Map<?, ?>) n).get("text")).toList();
    }

    private ApiClient api(String username) {
        return new ApiClient(port, province.tokenFor(username));
    }
}
