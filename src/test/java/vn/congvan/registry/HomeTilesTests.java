package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * The home page: its counts, each opening the list of what it counted, and the first things waiting,
 * each one click from its page.
 */
@CongVanTest
class HomeTilesTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    PagesAs pages;
    TestProvince.Unit district;
    String clerkName;
    ApiClient clerk;

    @BeforeEach
    void aDistrictClerk() {
        pages = new PagesAs(context);
        TestProvince province = new TestProvince(jdbc, encoder, port);
        district = province.aUnit("Ủy ban nhân dân huyện Yên Thế", "UBND");
        clerkName = province.anOfficial("Hà Thị Văn Thư", Role.CLERK, district.id());
        clerk = new ApiClient(port, province.tokenFor(clerkName));
    }

    @Test
    void arrivedTodayCountsByArrivalDayInVietnamAndOpensTheListOfExactlyThose() throws Exception {
        // Midnight in Vietnam is 17:00 UTC the day before: the first minute of today and the last of
        // yesterday fall on different days only in Vietnam time.
        OffsetDateTime today =
                LocalDate.now(VietnamTime.ZONE).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        register("Về việc phòng chống bão số 3", today);
        register("Về việc kiểm tra đê điều", today.minusDays(1));
        register("Về việc trực phòng chống thiên tai", today.minusMinutes(1));

        Element tile = tile(pages.page("/", clerkName), "Văn bản đến hôm nay");

        assertThat(tile.selectFirst(".count").text()).isEqualTo("1");
        assertThat(tile.attr("href")).isEqualTo("/incoming?show=arrived-today");
        Document list = pages.page(tile.attr("href"), clerkName);
        assertThat(list.select("table.list tbody tr"))
                .singleElement()
                .extracting(Element::text)
                .asString()
                .contains("Về việc phòng chống bão số 3");
        assertThat(list.select("#glance").text()).contains("Văn bản đến hôm nay", "Xem tất cả văn bản");
        assertThat(pages.page("/incoming", clerkName).select("table.list tbody tr"))
                .hasSize(3);
    }

    @Test
    void aTileThatCountsNothingIsNotRed() throws Exception {
        Element due = tile(pages.page("/", clerkName), "Văn bản đến hạn trong 7 ngày");

        assertThat(due.selectFirst(".count").text()).isEqualTo("0");
        assertThat(due.hasClass("urgent")).isFalse();
    }

    @Test
    void theFirstFiveThingsWaitingAreOnTheHomePageUrgentFirstEachOneClickFromItsPage() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 1; i <= 6; i++) {
            register("Về việc thứ " + i + " cần trình lãnh đạo", now.minusMinutes(10 - i));
        }
        String urgent =
                vn.congvan.handling.ArrivingLetters.registered(clerk, district.id(), "Về việc ứng phó bão số 9", 3);

        Document home = pages.page("/", clerkName);

        assertThat(home.select("#next-tasks .work-item")).hasSize(5);
        Element first = home.selectFirst("#next-tasks .work-item");
        assertThat(first.hasClass("urgent")).isTrue();
        assertThat(first.text()).contains("Về việc ứng phó bão số 9", "Trình lãnh đạo");
        assertThat(first.selectFirst("a").attr("href")).isEqualTo("/documents/" + urgent + "#handling");
        assertThat(home.select("a[href='/my-work']").text()).contains("Xem tất cả việc của tôi");
        assertThat(home.text()).doesNotContain("??");
    }

    @Test
    void onlyAClerkIsOfferedToRegisterAnArrivingDocumentFromTheHomePage() throws Exception {
        String specialist =
                new TestProvince(jdbc, encoder, port).anOfficial("Chu Văn Chuyên Viên", Role.SPECIALIST, district.id());

        assertThat(pages.page("/", clerkName).select("#shortcuts a").eachAttr("href"))
                .containsExactly("/incoming/new");
        Document theirs = pages.page("/", specialist);
        assertThat(theirs.select("#shortcuts")).isEmpty();
        assertThat(theirs.select("#next-tasks, #first-arrivals")).isEmpty();
    }

    private void register(String subject, OffsetDateTime arrival) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("unitId", district.id().toString());
        metadata.put("typeName", "Công văn");
        metadata.put("codeNumber", Integer.toString(Math.abs(subject.hashCode() % 1000)));
        metadata.put("codeNotation", "SNN-TL");
        metadata.put("issuedDate", LocalDate.now(VietnamTime.ZONE).minusDays(2).toString());
        metadata.put("organName", "Sở Nông nghiệp và Môi trường");
        metadata.put("subject", subject);
        metadata.put("arrivalDate", arrival.toString());
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                metadata,
                ApiClient.FilePart.pdf("cv.pdf", SamplePdf.withText(subject)),
                List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    private static Element tile(Document home, String label) {
        return home.select("a.tile").stream()
                .filter(t -> t.select(".label").text().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tile " + label + " in " + home.select(".tiles")));
    }
}
