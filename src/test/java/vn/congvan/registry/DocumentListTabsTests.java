package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.handling.ArrivingLetters;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * The clerk's lists of incoming and outgoing documents, one tab each by where a document stands: an
 * incoming one by its handling and its deadline, an outgoing one by its status in the register.
 */
@CongVanTest
class DocumentListTabsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService officials;

    @Autowired
    Registrations registrations;

    @Autowired
    Blobs blobs;

    TestProvince.Unit department;
    String clerkName;
    ApiClient clerk;
    ApiClient director;
    ApiClient specialist;
    UUID specialistId;
    PagesAs pages;

    @BeforeEach
    void aDepartmentWithItsClerkDirectorAndSpecialist() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Nội vụ", "SNV");
        clerkName = province.anOfficial("Lương Thị Văn Thư", Role.CLERK, department.id());
        clerk = api(province, clerkName);
        director = api(province, province.anOfficial("Đào Văn Giám Đốc", Role.LEADER, department.id()));
        String s = province.anOfficial("Mai Thị Chuyên Viên", Role.SPECIALIST, department.id());
        specialist = api(province, s);
        specialistId = province.personId(s);
        pages = new PagesAs(context);
    }

    @Test
    void eachIncomingTabListsExactlyItsDocumentsWithTheirStatusAndDeadlineAndEveryTabIsCountedAtOnce()
            throws Exception {
        String waiting = arrival();
        LocalDate dueLater = today().plusDays(10);
        String waitingWithADueDate =
                ArrivingLetters.dueBy(clerk, department.id(), "Về việc thi đua năm 2026", dueLater);
        String dueYesterday =
                ArrivingLetters.dueBy(clerk, department.id(), "Về việc báo cáo biên chế", today().minusDays(1));
        String inHand = arrival();
        String late = arrival();
        String finished = arrival();
        String revoked = arrival();
        String inHandBy = assigned(inHand);
        assigned(late);
        assigned(finished);
        // Twenty days pass for one of them.
        jdbc.sql("update handling_case set deadline = deadline - 20 where document_id = ?::uuid")
                .param(late)
                .update();
        var done = specialist.postJson(handling(finished, "completion"), Map.of("note", "Đã trả lời"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        registrations.revoke(UUID.fromString(revoked), "Gửi nhầm", official(clerkName));

        Document all = pages.page("/incoming", clerkName);
        assertThat(all.select("#list-tabs a").eachText())
                .containsExactly(
                        "Tất cả (7)",
                        "Chưa giao (2)",
                        "Đang xử lý (1)",
                        "Quá hạn (2)",
                        "Đã xử lý (1)",
                        "Đã thu hồi (1)");
        assertThat(all.select("#list-tabs a[aria-current=page]").eachAttr("data-tab"))
                .containsExactly("all");
        assertThat(all.select("#list-tabs a.late").eachAttr("data-tab")).containsExactly("overdue");
        assertThat(rows(all)).hasSize(7);
        assertThat(cell(all, revoked, "Tình trạng").text()).isEqualTo("Đã thu hồi");

        Document notAssigned = pages.page("/incoming?tab=not-assigned", clerkName);
        assertThat(rows(notAssigned)).containsExactlyInAnyOrder(waiting, waitingWithADueDate);
        assertThat(notAssigned.select("#list-tabs a[aria-current=page]").eachAttr("data-tab"))
                .containsExactly("not-assigned");
        assertThat(cell(notAssigned, waitingWithADueDate, "Hạn xử lý").text())
                .as("the document's own due date until it is assigned")
                .isEqualTo(dueLater.format(DAY));
        assertThat(cell(notAssigned, waiting, "Hạn xử lý").text()).isEqualTo("—");
        assertThat(cell(notAssigned, waiting, "Tình trạng").text()).isEqualTo("Chưa giao");

        Document inHandling = pages.page("/incoming?tab=in-handling", clerkName);
        assertThat(rows(inHandling)).containsExactly(inHand);
        assertThat(cell(inHandling, inHand, "Hạn xử lý").text())
                .as("the deadline the leader set")
                .isEqualTo(LocalDate.parse(inHandBy).format(DAY));
        assertThat(cell(inHandling, inHand, "Hạn xử lý").hasClass("late")).isFalse();

        Document overdue = pages.page("/incoming?tab=overdue", clerkName);
        assertThat(rows(overdue)).as("late whether assigned or not").containsExactlyInAnyOrder(late, dueYesterday);
        assertThat(cell(overdue, dueYesterday, "Hạn xử lý").hasClass("late")).isTrue();
        assertThat(cell(overdue, late, "Tình trạng").text()).isEqualTo("Quá hạn");

        assertThat(rows(pages.page("/incoming?tab=done", clerkName))).containsExactly(finished);
        assertThat(rows(pages.page("/incoming?tab=revoked", clerkName))).containsExactly(revoked);
        assertThat(pages.page("/incoming?tab=issued&page=-2", clerkName)
                        .select("#list-tabs a[aria-current=page]")
                        .text())
                .as("a tab of the other list, or none, is every document")
                .isEqualTo("Tất cả (7)");
    }

    @Test
    void theCountsFollowTheFiltersAndTheTabsLinksKeepThemAsTheFilterFormKeepsTheTab() throws Exception {
        arrival();
        String named = ArrivingLetters.registered(clerk, department.id(), "Về việc tuyển dụng công chức", 0);

        Document found = pages.page("/incoming?q=tuyen+dung&tab=not-assigned", clerkName);

        assertThat(found.select("#list-tabs a").eachText()).startsWith("Tất cả (1)", "Chưa giao (1)");
        assertThat(rows(found)).containsExactly(named);
        assertThat(found.select("#list-tabs a[data-tab=done]").attr("href"))
                .contains("tab=done")
                .contains("q=tuyen");
        assertThat(found.select("#list-tabs a[data-tab=all]").attr("href")).doesNotContain("tab=");
        assertThat(found.select("form.filters input[name=tab]").val()).isEqualTo("not-assigned");
        assertThat(found.select("#list-tabs a.late"))
                .as("no overdue document: the tab is not in the late style")
                .isEmpty();
        assertThat(found.select("#list-tabs a[data-tab=overdue]").text()).isEqualTo("Quá hạn (0)");
    }

    @Test
    void aTabIsPagedAndItsPagesKeepTheTab() throws Exception {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            waiting.add(arrival());
        }
        assigned(arrival());

        Document first = pages.page("/incoming?tab=not-assigned", clerkName);
        assertThat(rows(first)).hasSize(20);
        String next = first.select(".pager a").attr("href");
        assertThat(next).contains("tab=not-assigned").contains("page=1");

        Document second = pages.page("/incoming" + next, clerkName);
        assertThat(rows(second)).hasSize(1);
        assertThat(waiting).containsAll(rows(first)).containsAll(rows(second));
        assertThat(second.select("#list-tabs a[aria-current=page]").text()).isEqualTo("Chưa giao (21)");
        assertThat(second.select(".pager a").attr("href"))
                .contains("tab=not-assigned")
                .contains("page=0");
    }

    @Test
    void aSecretDocumentOfAnotherUnitIsListedAndCountedForThePersonGrantedItOnly() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit inspectorate = province.aUnit("Thanh tra tỉnh", "TTr");
        String inspector = province.anOfficial("Kiều Văn Thanh Tra", Role.SPECIALIST, inspectorate.id());
        String other = province.anOfficial("Lò Thị Khác", Role.SPECIALIST, inspectorate.id());
        String secret = ArrivingLetters.registered(clerk, department.id(), "Về việc xác minh đơn thư", 0, 1);
        var granted = clerk.postJson(
                "/api/v1/documents/" + secret + "/grants", Map.of("personId", province.personId(inspector)));
        assertThat(granted.status()).as(granted.body()).isEqualTo(204);

        Document theirs = pages.page("/incoming?tab=not-assigned", inspector);
        assertThat(rows(theirs)).containsExactly(secret);
        assertThat(theirs.select("#list-tabs a").eachText()).startsWith("Tất cả (1)", "Chưa giao (1)");
        assertThat(pages.page("/incoming", other).select("#list-tabs a").eachText())
                .startsWith("Tất cả (0)");
    }

    @Test
    void eachOutgoingTabListsTheDocumentsOfItsStatusInTheRegister() throws Exception {
        String issued = issuedLetter(today().plusDays(7));
        String revoked = issuedLetter(null);
        registrations.revoke(UUID.fromString(revoked), "Sai thể thức", official(clerkName));
        String prepared = preparedLetter();

        Document all = pages.page("/outgoing", clerkName);
        assertThat(all.select("#list-tabs a").eachText())
                .containsExactly("Tất cả (3)", "Chờ phát hành (1)", "Đã phát hành (1)", "Đã thu hồi (1)");
        assertThat(all.select("#list-tabs a.late")).isEmpty();
        assertThat(cell(all, issued, "Tình trạng").text()).isEqualTo("Đã phát hành");
        assertThat(cell(all, issued, "Hạn xử lý").text())
                .isEqualTo(today().plusDays(7).format(DAY));
        assertThat(cell(all, prepared, "Tình trạng").text()).isEqualTo("Chờ phát hành");

        assertThat(rows(pages.page("/outgoing?tab=awaiting-issue", clerkName))).containsExactly(prepared);
        assertThat(rows(pages.page("/outgoing?tab=issued", clerkName))).containsExactly(issued);
        assertThat(rows(pages.page("/outgoing?tab=revoked", clerkName))).containsExactly(revoked);
        assertThat(pages.page("/outgoing?tab=overdue", clerkName)
                        .select("#list-tabs a[aria-current=page]")
                        .attr("data-tab"))
                .isEqualTo("all");
    }

    @Test
    void theTabsSpeakEnglishToAnOfficialWhoChoseIt() throws Exception {
        arrival();

        Document page = pages.page("/incoming?lang=en", clerkName);

        assertThat(page.select("#list-tabs a").eachText())
                .containsExactly(
                        "All (1)", "Not yet assigned (1)", "In handling (0)", "Overdue (0)", "Done (0)", "Revoked (0)");
        assertThat(page.select("#list-tabs").attr("aria-label")).isEqualTo("Documents by where they stand");
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private String arrival() {
        return ArrivingLetters.registered(clerk, department.id(), "Về việc rà soát vị trí việc làm", 0);
    }

    /** The director assigns the document to the specialist, due five working days on; returns the deadline. */
    private String assigned(String id) {
        String deadline = aWorkingDayAfter(5);
        var answer =
                director.postJson(handling(id, "assignment"), Map.of("leadId", specialistId, "deadline", deadline));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return deadline;
    }

    private String issuedLetter(@org.jspecify.annotations.Nullable LocalDate dueDate) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of(
                "unitId", department.id().toString(),
                "typeName", "Công văn",
                "subject", "Về việc hướng dẫn đánh giá công chức năm 2026"));
        if (dueDate != null) {
            m.put("dueDate", dueDate.toString());
        }
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                m,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return (String) issued.get("id");
    }

    /** A letter approved in the unit, waiting to be signed and numbered. */
    private String preparedLetter() {
        StoredBlob pdf = blobs.store(new ByteArrayInputStream(SamplePdf.withText("CÔNG VĂN", "Dự thảo đã duyệt")));
        OutgoingMetadata m = new OutgoingMetadata(
                department.id(),
                "Công văn",
                null,
                "Về việc cử công chức dự tập huấn",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                false,
                null);
        return registrations
                .prepare(
                        m,
                        new StoredFile(pdf.sha256(), "du-thao.pdf", "application/pdf", pdf.size()),
                        List.of(),
                        official(clerkName))
                .id()
                .toString();
    }

    private static List<String> rows(Document page) {
        return page.select("table.list tbody tr").eachAttr("data-document");
    }

    private static org.jsoup.nodes.Element cell(Document page, String documentId, String label) {
        return page.selectFirst("tr[data-document=" + documentId + "] td[data-label=" + label + "]");
    }

    private Official official(String username) {
        return (Official) officials.loadUserByUsername(username);
    }

    private ApiClient api(TestProvince province, String username) {
        return new ApiClient(port, province.tokenFor(username));
    }

    private static String handling(String id, String step) {
        return "/api/v1/documents/" + id + "/handling/" + step;
    }

    private static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }

    private static String aWorkingDayAfter(int days) {
        LocalDate d = today();
        int left = days;
        while (left > 0 || d.getDayOfWeek().getValue() > 5) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() <= 5) {
                left--;
            }
        }
        return d.toString();
    }
}
