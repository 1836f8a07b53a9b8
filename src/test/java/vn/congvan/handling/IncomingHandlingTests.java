package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/** The handling of incoming documents through the API, from presentation to completion, and its refusals. */
@CongVanTest
class IncomingHandlingTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    TestProvince province;
    TestProvince.Unit department;
    UUID planning;
    ApiClient clerk;
    ApiClient director;
    ApiClient head;
    ApiClient specialist;
    ApiClient colleague;
    ApiClient outsider;
    UUID directorId;
    UUID headId;
    UUID specialistId;
    UUID colleagueId;
    UUID readerId;
    String headToken;
    String directorName;
    String outsiderName;

    @BeforeEach
    void aDepartmentWithItsOfficials() {
        province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Tài nguyên và Môi trường", "STNMT");
        planning = province.aDivision(department.id(), "Phòng Quy hoạch", "QH");
        clerk = api(province.anOfficial("Lê Thị Văn Thư", Role.CLERK, department.id()));
        String d = province.anOfficial("Hoàng Văn Giám Đốc", Role.LEADER, department.id());
        directorName = d;
        director = api(d);
        directorId = province.personId(d);
        String h =
                province.anOfficialOfDivision("Trần Văn Trưởng Phòng", Role.DIVISION_HEAD, department.id(), planning);
        headToken = province.tokenFor(h);
        head = new ApiClient(port, headToken);
        headId = province.personId(h);
        String s = province.anOfficialOfDivision("Phạm Thị Chuyên Viên", Role.SPECIALIST, department.id(), planning);
        specialist = api(s);
        specialistId = province.personId(s);
        String c = province.anOfficial("Ngô Văn Phối Hợp", Role.SPECIALIST, department.id());
        colleague = api(c);
        colleagueId = province.personId(c);
        readerId = province.personId(province.anOfficial("Đỗ Thị Để Biết", Role.SPECIALIST, department.id()));
        TestProvince.Unit other = province.aUnit("Sở Y tế", "SYT");
        outsiderName = province.anOfficial("Vũ Văn Lãnh Đạo Khác", Role.LEADER, other.id());
        outsider = api(outsiderName);
    }

    @Test
    void aDocumentGoesFromArrivalThroughAssignmentToCompletionAndItsTimelineShowsEveryStep() {
        String id = anArrivingLetter(0);

        assertThat(clerk.postJson(path(id, "presentation"), Map.of("leaderId", directorId))
                        .get("state"))
                .isEqualTo("PRESENTED");
        assertThat(tasks(director)).containsEntry(id, "assign");

        var assigned = director.postJson(
                path(id, "assignment"),
                Map.of(
                        "leadId",
                        headId,
                        "cooperatingIds",
                        List.of(colleagueId),
                        "informedIds",
                        List.of(readerId),
                        "direction",
                        "Giao Phòng Quy hoạch chủ trì, báo cáo trước hạn.",
                        "deadline",
                        aWorkingDayAfter(5)));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.get("state")).isEqualTo("ASSIGNED");
        assertThat(((Map<?, ?>) assigned.get("lead")).get("fullName")).isEqualTo("Trần Văn Trưởng Phòng");
        assertThat(tasks(head)).containsEntry(id, "handle");
        assertThat(tasks(colleague)).containsEntry(id, "cooperate");
        assertThat(tasks(director)).doesNotContainKey(id);

        var handedDown = head.postJson(path(id, "delegation"), Map.of("leadId", specialistId, "note", "Em xử lý"));
        assertThat(handedDown.status()).as(handedDown.body()).isEqualTo(200);
        assertThat(tasks(specialist)).containsEntry(id, "handle");
        assertThat(tasks(head)).containsEntry(id, "follow");

        assertThat(colleague
                        .postJson(path(id, "progress"), Map.of("note", "Đồng ý phương án"))
                        .get("state"))
                .isEqualTo("ASSIGNED");
        assertThat(specialist
                        .postJson(path(id, "progress"), Map.of("note", "Đã khảo sát hiện trạng"))
                        .get("state"))
                .isEqualTo("IN_PROGRESS");
        var done = specialist.postJson(path(id, "completion"), Map.of("note", "Đã trả lời bằng công văn"));
        assertThat(done.get("state")).isEqualTo("DONE");
        assertThat(done.get("onTime")).isEqualTo(true);
        assertThat(tasks(specialist)).doesNotContainKey(id);

        List<?> timeline = director.get("/api/v1/documents/" + id + "/timeline").list();
        List<String> actions = timeline.stream()
                .map(e -> (String) ((Map<?, ?>) e).get("action"))
                .toList();
        assertThat(actions)
                .containsSubsequence(
                        "document.incoming.registered",
                        "handling.presented",
                        "handling.assigned",
                        "handling.delegated",
                        "handling.opinion",
                        "handling.progress",
                        "handling.completed");
        Map<?, ?> assignment = (Map<?, ?>) timeline.stream()
                .filter(e -> "handling.assigned".equals(((Map<?, ?>) e).get("action")))
                .findFirst()
                .orElseThrow();
        assertThat(assignment.get("actorName")).isEqualTo("Hoàng Văn Giám Đốc");
        assertThat(assignment.get("label")).isEqualTo("Phân công xử lý");
        Map<?, ?> details = (Map<?, ?>) assignment.get("details");
        assertThat(details.get("lead")).isEqualTo("Trần Văn Trưởng Phòng");
        assertThat(details.get("cooperating")).isEqualTo("Ngô Văn Phối Hợp");
        assertThat(details.get("informed")).isEqualTo("Đỗ Thị Để Biết");
    }

    @Test
    void theLeadReturnsADocumentToTheLeaderWhoAssignsItAgain() {
        String id = anArrivingLetter(0);
        director.postJson(path(id, "assignment"), Map.of("leadId", colleagueId));

        var returned = colleague.postJson(path(id, "return"), Map.of("reason", "Không thuộc lĩnh vực được giao"));
        assertThat(returned.get("state")).isEqualTo("RETURNED");
        assertThat(returned.get("returnedReason")).isEqualTo("Không thuộc lĩnh vực được giao");
        assertThat(tasks(director)).containsEntry(id, "assign");
        assertThat(tasks(colleague)).doesNotContainKey(id);

        assertThat(director.postJson(path(id, "assignment"), Map.of("leadId", headId))
                        .get("state"))
                .isEqualTo("ASSIGNED");
        assertThat(tasks(head)).containsEntry(id, "handle");
    }

    @Test
    void aDocumentHandedDownComesBackToTheDivisionHeadWhenTheSpecialistReturnsIt() {
        String id = anArrivingLetter(0);
        director.postJson(path(id, "assignment"), Map.of("leadId", headId));
        head.postJson(path(id, "delegation"), Map.of("leadId", specialistId));

        var back = specialist.postJson(path(id, "return"), Map.of("reason", "Cần thêm hồ sơ"));

        assertThat(back.get("state")).isEqualTo("ASSIGNED");
        assertThat(((Map<?, ?>) back.get("lead")).get("id")).isEqualTo(headId.toString());
    }

    @Test
    void stepsOutOfTurnAreRefusedWithAReasonAndChangeNothing() {
        String id = anArrivingLetter(0);

        assertRefused(
                specialist.postJson(path(id, "presentation"), Map.of("leaderId", directorId)),
                403,
                "handling.clerk-only");
        assertRefused(
                specialist.postJson(path(id, "assignment"), Map.of("leadId", specialistId)),
                403,
                "handling.leader-only");
        assertRefused(
                clerk.postJson(path(id, "presentation"), Map.of("leaderId", specialistId)),
                400,
                "handling.present.not-a-leader");
        assertRefused(
                outsider.postJson(path(id, "assignment"), Map.of("leadId", specialistId)),
                404,
                "registry.document.not-found");
        assertRefused(
                director.postJson(
                        path(id, "assignment"),
                        Map.of(
                                "leadId",
                                province.personId(province.anOfficial(
                                        "Người Ngoài",
                                        Role.SPECIALIST,
                                        province.aUnit("Sở Khác", "SK").id())))),
                400,
                "handling.participant.not-member");
        assertRefused(
                director.postJson(path(id, "assignment"), Map.of("leadId", headId, "cooperatingIds", List.of(headId))),
                400,
                "handling.participant.twice");
        assertRefused(
                director.postJson(
                        path(id, "assignment"),
                        Map.of(
                                "leadId",
                                headId,
                                "deadline",
                                today().minusDays(1).toString())),
                400,
                "handling.deadline.past");
        assertRefused(
                director.postJson(
                        path(id, "assignment"),
                        Map.of("leadId", headId, "deadline", aWeekendDay().toString())),
                400,
                "handling.deadline.non-working-day");
        assertRefused(specialist.postJson(path(id, "completion"), Map.of()), 409, "handling.state.not-allowed");

        assertThat(clerk.get("/api/v1/documents/" + id + "/handling").get("state"))
                .isEqualTo("REGISTERED");

        director.postJson(path(id, "assignment"), Map.of("leadId", headId));
        assertRefused(
                specialist.postJson(path(id, "progress"), Map.of("note", "Tôi làm thay")), 403, "handling.not-yours");
        assertRefused(head.postJson(path(id, "progress"), Map.of("note", " ")), 400, "handling.note.required");
        assertRefused(
                head.postJson(path(id, "delegation"), Map.of("leadId", colleagueId)),
                400,
                "handling.delegate.other-division");
        assertRefused(
                clerk.postJson(path(id, "refusal"), Map.of("reason", "Gửi nhầm")), 409, "handling.state.not-allowed");
        var english = new ApiClient(port, headToken).inEnglish().postJson(path(id, "return"), Map.of("reason", ""));
        assertThat(english.get("detail")).isEqualTo("Give a reason.");
    }

    @Test
    void theClerkRefusesAMisaddressedDocumentWithAReasonAndItLeavesEveryonesWork() {
        String id = anArrivingLetter(0);
        clerk.postJson(path(id, "presentation"), Map.of("leaderId", directorId));

        var refused = clerk.postJson(path(id, "refusal"), Map.of("reason", "Gửi nhầm đơn vị"));

        assertThat(refused.get("state")).isEqualTo("REFUSED");
        assertThat(refused.get("refusedReason")).isEqualTo("Gửi nhầm đơn vị");
        assertThat(tasks(director)).doesNotContainKey(id);
        assertThat(tasks(clerk)).doesNotContainKey(id);
        assertRefused(
                director.postJson(path(id, "assignment"), Map.of("leadId", headId)), 409, "handling.state.not-allowed");
    }

    @Test
    void urgentDocumentsComeFirstInMyWorkThenTheNearestDeadline() {
        String later = anArrivingLetter(0);
        String sooner = anArrivingLetter(0);
        String urgent = anArrivingLetter(2);
        director.postJson(path(later, "assignment"), Map.of("leadId", colleagueId, "deadline", aWorkingDayAfter(9)));
        director.postJson(path(sooner, "assignment"), Map.of("leadId", colleagueId, "deadline", aWorkingDayAfter(2)));
        director.postJson(path(urgent, "assignment"), Map.of("leadId", colleagueId, "deadline", aWorkingDayAfter(20)));

        var mine = colleague.get("/api/v1/my-work").list().stream()
                .map(i -> (String) ((Map<?, ?>) i).get("documentId"))
                .filter(List.of(later, sooner, urgent)::contains)
                .toList();

        assertThat(mine).containsExactly(urgent, sooner, later);
        Map<?, ?> first = (Map<?, ?>) colleague.get("/api/v1/my-work").list().get(0);
        assertThat(first.get("urgent")).isEqualTo(true);
        assertThat(first.get("workingDaysLeft")).isEqualTo(20);
    }

    @Test
    void twoLeadersAssigningTheSameDocumentAtTheSameMomentLeaveOneConsistentAssignment() throws Exception {
        String id = anArrivingLetter(0);
        ApiClient deputy = api(province.anOfficial("Phó Giám Đốc", Role.DEPUTY_LEADER, department.id()));
        List<Callable<Integer>> both = List.of(
                () -> director.postJson(path(id, "assignment"), Map.of("leadId", headId))
                        .status(),
                () -> deputy.postJson(path(id, "assignment"), Map.of("leadId", colleagueId))
                        .status());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(both)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200);
        var c = clerk.get("/api/v1/documents/" + id + "/handling");
        assertThat(c.get("state")).isEqualTo("ASSIGNED");
        long records = jdbc.sql(
                        "select count(*) from audit_record where subject_id = ? and action = 'handling.assigned'")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(records).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from handling_case where document_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void presentingASecretDocumentToALeaderWithoutAGrantLeaksNothing() {
        String subject = "Về phương án bảo vệ mục tiêu trọng điểm";
        String id = ArrivingLetters.registered(clerk, department.id(), subject, 0, 1);

        var presented = clerk.postJson(path(id, "presentation"), Map.of("leaderId", directorId));

        assertRefused(presented, 400, "handling.secret.not-granted");
        assertThat(presented.body()).contains("Hoàng Văn Giám Đốc");
        assertThat(clerk.get("/api/v1/documents/" + id + "/handling").get("state"))
                .isEqualTo("REGISTERED");
        assertThat(director.get("/api/v1/notifications").body())
                .doesNotContain(subject)
                .doesNotContain(id);
        assertThat(jdbc.sql("select count(*) from notice where person_id = ?")
                        .param(directorId)
                        .query(Long.class)
                        .single())
                .as("no notice, so no e-mail either")
                .isZero();
        assertThat(tasks(director)).doesNotContainKey(id);

        assertThat(clerk.postJson("/api/v1/documents/" + id + "/grants", Map.of("personId", directorId))
                        .status())
                .isEqualTo(204);
        assertThat(clerk.postJson(path(id, "presentation"), Map.of("leaderId", directorId))
                        .get("state"))
                .isEqualTo("PRESENTED");
        assertThat(tasks(director)).containsEntry(id, "assign");
        assertThat(director.get("/api/v1/notifications").body()).contains(subject);
    }

    @Test
    void aNoticeOfASecretDocumentShowsNoSubjectToAReaderWhoLostTheGrant() {
        String subject = "Về kế hoạch diễn tập khu vực phòng thủ";
        String id = ArrivingLetters.registered(clerk, department.id(), subject, 0, 1);
        clerk.postJson("/api/v1/documents/" + id + "/grants", Map.of("personId", directorId));
        clerk.postJson(path(id, "presentation"), Map.of("leaderId", directorId));
        assertThat(director.get("/api/v1/notifications").body()).contains(subject);

        var withdrawn = clerk.delete("/api/v1/documents/" + id + "/grants/" + directorId);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(204);
        assertThat(director.get("/api/v1/documents/" + id).status()).isEqualTo(404);
        var notices = director.get("/api/v1/notifications");
        assertThat(notices.body()).doesNotContain(subject).doesNotContain(id);
        Map<?, ?> notice = (Map<?, ?>) ((List<?>) notices.get("notices")).get(0);
        assertThat(notice.get("text")).isEqualTo("Thông báo về một văn bản bạn không được đọc.");
        assertThat(notice.get("link")).isEqualTo("/notifications");
        assertThat(tasks(director)).doesNotContainKey(id);
        assertThat(jdbc.sql("select count(*) from audit_record where subject_id = ? and action = "
                                + "'document.access.withdrawn'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLeaderAssigningASecretDocumentLetsThoseNamedReadItAndNoOneElseGetsItHandedDown() {
        String id = ArrivingLetters.registered(clerk, department.id(), "Về công tác bảo vệ bí mật nhà nước", 0, 1);
        clerk.postJson("/api/v1/documents/" + id + "/grants", Map.of("personId", directorId));
        clerk.postJson(path(id, "presentation"), Map.of("leaderId", directorId));

        var assigned = director.postJson(
                path(id, "assignment"), Map.of("leadId", headId, "cooperatingIds", List.of(colleagueId)));

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(head.get("/api/v1/documents/" + id).status()).isEqualTo(200);
        assertThat(colleague.get("/api/v1/documents/" + id).status()).isEqualTo(200);
        assertThat(specialist.get("/api/v1/documents/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_record where subject_id = ? and action = "
                                + "'document.access.granted'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("the clerk's grant to the director, the director's to the two named")
                .isEqualTo(3);

        var handedDown = head.postJson(path(id, "delegation"), Map.of("leadId", specialistId));

        assertRefused(handedDown, 400, "handling.secret.not-granted");
        assertThat(specialist.get("/api/v1/notifications").body()).doesNotContain(id);
        assertThat(tasks(specialist)).doesNotContainKey(id);
    }

    private void assertRefused(ApiClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.get("code")).isEqualTo(code);
    }

    private Map<String, String> tasks(ApiClient official) {
        Map<String, String> tasks = new HashMap<>();
        for (Object item : official.get("/api/v1/my-work").list()) {
            Map<?, ?> i = (Map<?, ?>) item;
            tasks.put((String) i.get("documentId"), (String) i.get("task"));
        }
        return tasks;
    }

    @Test
    void theUnitsIncomingDocumentsAreListedByWhereTheirHandlingStandsOneTabEachWithStateAndDeadline() throws Exception {
        String waiting = anArrivingLetter(0);
        String inHand = anArrivingLetter(0);
        String late = anArrivingLetter(1);
        String finished = anArrivingLetter(0);
        for (String id : List.of(inHand, late, finished)) {
            var assigned = director.postJson(
                    path(id, "assignment"), Map.of("leadId", specialistId, "deadline", aWorkingDayAfter(5)));
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        }
        // Ten days pass for one of them.
        jdbc.sql("update handling_case set deadline = deadline - 20 where document_id = ?::uuid")
                .param(late)
                .update();
        specialist.postJson(path(finished, "completion"), Map.of("note", "Đã trả lời"));

        vn.congvan.PagesAs pages = new vn.congvan.PagesAs(context);
        String list = "/units/" + department.id() + "/incoming-handling";
        var page = pages.page(list, directorName);
        assertThat(page.select("#handling-tabs a").eachText())
                .containsExactly("Chưa xử lý (1)", "Đang xử lý (1)", "Quá hạn (1)", "Đã xử lý (1)");
        assertThat(page.select("#handling-tabs a.late").eachAttr("data-tab")).containsExactly("overdue");
        assertThat(page.select("table.handling-list tbody tr").eachAttr("data-document"))
                .as("the first tab: not yet handled")
                .containsExactly(waiting);
        assertThat(page.select("table.handling-list tbody tr td").eachText()).contains("Chờ trình", "—");

        var inProgress =
                pages.page(list + "?tab=in-progress", directorName).selectFirst("table.handling-list tbody tr");
        assertThat(inProgress.attr("data-document")).isEqualTo(inHand);
        assertThat(inProgress.text()).contains("Đã phân công", "Phạm Thị Chuyên Viên", "còn 5 ngày làm việc");

        var overdue = pages.page(list + "?tab=overdue", directorName).selectFirst("table.handling-list tbody tr");
        assertThat(overdue.attr("data-document")).isEqualTo(late);
        assertThat(overdue.select("td.late").text()).contains("quá").contains("ngày làm việc");
        assertThat(overdue.select(".badge.urgent")).isNotEmpty();

        var done = pages.page(list + "?tab=done", directorName).selectFirst("table.handling-list tbody tr");
        assertThat(done.attr("data-document")).isEqualTo(finished);
        assertThat(done.text()).contains("Hoàn thành").doesNotContain("còn");

        assertThat(pages.download(list, outsiderName).getStatus())
                .as("another unit's leader")
                .isEqualTo(403);
        assertThat(pages.download("/units/" + department.id() + "/overdue", directorName)
                        .getRedirectedUrl())
                .isEqualTo(list + "?tab=overdue");
        assertThat(pages.page(list + "?tab=nonsense&page=-3", directorName)
                        .select("#handling-tabs a.current")
                        .text())
                .isEqualTo("Chưa xử lý (1)");
    }

    private String anArrivingLetter(int priority) {
        return ArrivingLetters.registered(clerk, department.id(), "Về việc rà soát quy hoạch sử dụng đất", priority);
    }

    private ApiClient api(String username) {
        return new ApiClient(port, province.tokenFor(username));
    }

    private static String path(String id, String step) {
        return "/api/v1/documents/" + id + "/handling/" + step;
    }

    static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }

    /** The working day that many working days after today (no holidays are configured in the tests). */
    static String aWorkingDayAfter(int days) {
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

    static LocalDate aWeekendDay() {
        LocalDate d = today().plusDays(1);
        while (d.getDayOfWeek() != DayOfWeek.SATURDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
