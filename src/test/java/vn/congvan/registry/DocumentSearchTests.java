package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
class DocumentSearchTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    TestProvince province;
    TestProvince.Unit ward;
    String clerkName;
    ApiClient clerk;
    String marker;
    int registered = 9;

    @BeforeEach
    void aWardWithTwoDocuments() {
        province = new TestProvince(jdbc, encoder, port);
        ward = province.aUnit("Ủy ban nhân dân phường Xương Giang", "UBND", "WARD", "COMMUNE", null);
        clerkName = province.anOfficial("Vũ Thị Hằng", Role.CLERK, ward.id());
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        marker = "m" + Long.toString(System.nanoTime(), 36);
        register(
                "Quyết định",
                "Về việc thành lập Ban chỉ đạo chuyển đổi số " + marker,
                SamplePdf.withText("QUYẾT ĐỊNH", "Điều 1. Thành lập Ban chỉ đạo"));
        register(
                "Công văn",
                "Về việc đôn đốc nộp báo cáo " + marker,
                SamplePdf.withText(
                        "Kính gửi các đơn vị",
                        "Đề nghị gửi báo cáo đánh giá sử dụng chữ ký số trước " + "ngày 30 tháng 11"));
    }

    void register(String type, String subject, byte[] pdf) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", ward.id().toString());
        m.put("typeName", type);
        // Each its own number: two with the same number, notation, sender and date are a duplicate.
        m.put("codeNumber", Integer.toString(++registered));
        m.put("codeNotation", "UBND-VP");
        m.put("issuedDate", LocalDate.now(VietnamTime.ZONE).minusDays(1).toString());
        m.put("organName", "Ủy ban nhân dân thành phố Bắc Giang");
        m.put("subject", subject);
        var answer = clerk.multipart("/api/v1/documents/incoming", m, FilePart.pdf("vb.pdf", pdf), List.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    List<?> found(ApiClient who, String query) {
        return (List<?>) who.get("/api/v1/documents?q=" + query).get("documents");
    }

    @Test
    void aDecompressionBombPdfIsRegisteredPromptlyWithoutItsText() throws Exception {
        String word = "bom" + marker;
        byte[] bomb = vn.congvan.DecompressionBombs.aPdfWhosePageDecodesToAGigabyte(word);
        assertThat(bomb.length).as("the PDF sent").isLessThan(2 * 1024 * 1024);

        register("Công văn", "Về việc kiểm tra tệp lớn " + marker, bomb);

        assertThat(found(clerk, "kiem+tra+tep+lon+" + marker)).hasSize(1);
        assertThat(found(clerk, word)).as("its text, not extracted").isEmpty();
    }

    @Test
    void wordsWithoutDiacriticsFindTheVietnameseSubject() {
        assertThat(found(clerk, "quyet+dinh+" + marker)).hasSize(1);
        assertThat(found(clerk, "QUYẾT+ĐỊNH+" + marker)).hasSize(1);
        assertThat(found(clerk, "thanh+lap+ban+chi+dao+" + marker)).hasSize(1);
    }

    @Test
    void theTextInsideThePdfIsSearchedToo() {
        Map<?, ?> page = clerk.get("/api/v1/documents?q=chu+ky+so+" + marker).json();
        assertThat((List<?>) page.get("documents")).hasSize(1);
        assertThat(found(clerk, "danh+gia+su+dung+chu+ky+so")).isNotEmpty();
    }

    @Test
    void prefixesOfWordsAreEnough() {
        assertThat(found(clerk, "chuyen+doi+" + marker)).hasSize(1);
        assertThat(found(clerk, marker.substring(0, marker.length() - 1))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void filtersNarrowTheResult() {
        assertThat((List<?>) clerk.get("/api/v1/documents?q=" + marker + "&type=CONG_VAN")
                        .get("documents"))
                .hasSize(1);
        assertThat((List<?>) clerk.get("/api/v1/documents?q=" + marker + "&from="
                                + LocalDate.now().plusDays(1))
                        .get("documents"))
                .isEmpty();
        assertThat((List<?>) clerk.get("/api/v1/documents?q=" + marker + "&direction=OUTGOING")
                        .get("documents"))
                .isEmpty();
    }

    @Test
    void theSearchPageAndTheListsNarrowToTheDaysTypedDayFirstAndToTheIsoDaysOfALink() throws Exception {
        PagesAs pages = new PagesAs(context);
        LocalDate yesterday = LocalDate.now(VietnamTime.ZONE).minusDays(1);
        String typed = VietnamTime.DAY.format(yesterday);

        for (String path : List.of("/search", "/incoming")) {
            Document since = pages.page(path + "?q=" + marker + "&from=" + typed + "&to=" + typed, clerkName);
            assertThat(since.select("table.list tbody tr")).as(path).hasSize(2);
            assertThat(since.select("#from").val()).isEqualTo(typed);
            assertThat(since.select("#from").attr("type")).isEqualTo("text");
            Document later = pages.page(
                    path + "?q=" + marker + "&from=" + VietnamTime.DAY.format(yesterday.plusDays(1)), clerkName);
            assertThat(later.select("table.list tbody tr")).as(path).isEmpty();
            Document linked = pages.page(path + "?q=" + marker + "&from=" + yesterday + "&to=" + yesterday, clerkName);
            assertThat(linked.select("table.list tbody tr")).as(path).hasSize(2);
            assertThat(linked.select("#from").val()).as("shown day first").isEqualTo(typed);
        }
    }

    @Test
    void aFilterDayThatIsNoDayIsSaidUnderItsFieldKeptAsTypedAndLeftOut() throws Exception {
        PagesAs pages = new PagesAs(context);

        for (String path : List.of("/search", "/incoming")) {
            Document page = pages.page(path + "?q=" + marker + "&from=31/02/2026", clerkName);

            assertThat(page.select("#from").val()).as(path).isEqualTo("31/02/2026");
            assertThat(page.select("#from-error").text())
                    .isEqualTo("Từ ngày: Không đọc được ngày này; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/12/2026.");
            assertThat(page.select("#to-error")).isEmpty();
            assertThat(page.select("table.list tbody tr")).hasSize(2);
        }
    }

    @Test
    void anInjectionAttemptIsJustWordsThatFindNothing() {
        var answer = clerk.get("/api/v1/documents?q=%27%29%3B+drop+table+document%3B+--+%3A*%21%26%7C");
        assertThat(answer.status()).isEqualTo(200);
        assertThat((List<?>) answer.get("documents")).isEmpty();
        assertThat(jdbc.sql("select count(*) from document").query(Long.class).single())
                .isPositive();
    }

    @Test
    void anotherCommuneSeesNoneOfTheseDocuments() {
        TestProvince.Unit other = province.aUnit("Ủy ban nhân dân phường Trần Phú", "UBND", "WARD", "COMMUNE", null);
        ApiClient stranger =
                new ApiClient(port, province.tokenFor(province.anOfficial("Ngô Văn Lạ", Role.CLERK, other.id())));

        assertThat(found(stranger, marker)).isEmpty();
        assertThat(found(clerk, marker)).hasSize(2);
    }
}
