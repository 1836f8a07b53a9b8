package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;
import vn.congvan.handling.calendar.WorkingCalendar;
import vn.congvan.handling.incoming.Reminders;
import vn.congvan.shared.Role;

/** Notices of assignments, reminders before a deadline, and escalation to the leader once it has passed. */
@CongVanTest
class RemindersTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Reminders reminders;

    @Autowired
    WorkingCalendar calendar;

    TestProvince province;
    TestProvince.Unit unit;
    ApiClient clerk;
    ApiClient director;
    ApiClient lead;
    ApiClient helper;
    UUID leadId;
    UUID helperId;
    String leadToken;

    @BeforeEach
    void aUnitWithALeaderAndTwoSpecialists() {
        province = new TestProvince(jdbc, encoder, port);
        unit = province.aUnit("Sở Nông nghiệp và Phát triển nông thôn", "SNN");
        clerk = api(province.anOfficial("Văn Thư Sở", Role.CLERK, unit.id()));
        director = api(province.anOfficial("Giám Đốc Sở", Role.LEADER, unit.id()));
        String l = province.anOfficial("Chuyên Viên Chủ Trì", Role.SPECIALIST, unit.id());
        leadToken = province.tokenFor(l);
        lead = new ApiClient(port, leadToken);
        leadId = province.personId(l);
        String h = province.anOfficial("Chuyên Viên Phối Hợp", Role.SPECIALIST, unit.id());
        helper = api(h);
        helperId = province.personId(h);
    }

    @Test
    void anAssignmentTellsTheLeadAndTheCooperatingOfficialsButNotTheLeaderWhoMadeIt() {
        String id = anArrivingLetter("Về việc phòng chống dịch bệnh gia súc");
        director.postJson(
                "/api/v1/documents/" + id + "/handling/assignment",
                Map.of("leadId", leadId, "cooperatingIds", List.of(helperId)));

        assertThat(texts(lead)).contains("Bạn được giao xử lý văn bản: Về việc phòng chống dịch bệnh gia súc");
        assertThat(texts(helper)).contains("Bạn được giao xử lý văn bản: Về việc phòng chống dịch bệnh gia súc");
        assertThat(texts(director)).isEmpty();
        assertThat(texts(new ApiClient(port, leadToken).inEnglish()))
                .contains("You have been assigned a document: Về việc phòng chống dịch bệnh gia súc");
    }

    @Test
    void theLeadIsRemindedOnceADayBeforeTheDeadlineAndTheLeaderIsToldOnceItHasPassed() throws Exception {
        String soon = anArrivingLetter("Về việc báo cáo tiến độ gieo cấy");
        String late = anArrivingLetter("Về việc tổng kết vụ đông");
        director.postJson(
                "/api/v1/documents/" + soon + "/handling/assignment",
                Map.of(
                        "leadId",
                        leadId,
                        "deadline",
                        calendar.plusWorkingDays(calendar.today(), 1).toString()));
        director.postJson(
                "/api/v1/documents/" + late + "/handling/assignment",
                Map.of(
                        "leadId",
                        leadId,
                        "deadline",
                        calendar.plusWorkingDays(calendar.today(), 4).toString()));
        LocalDate passed = calendar.today().minusDays(10);
        jdbc.sql("update handling_case set deadline = ? where document_id = ?::uuid")
                .params(passed, late)
                .update();

        // As the schedule runs it: from the object itself, past any proxy (it once failed there
        // for want of a transaction, every hour, and nobody was reminded).
        var scheduled = Reminders.class.getDeclaredMethod("onSchedule");
        scheduled.setAccessible(true);
        scheduled.invoke(org.springframework.test.util.AopTestUtils.getTargetObject(reminders));

        if (!calendar.isWorkingDay(calendar.today())) {
            assertThat(texts(lead)).as("no reminders on a day off").noneMatch(t -> t.contains("hạn xử lý"));
            return;
        }
        assertThat(texts(lead))
                .contains(
                        "Sắp đến hạn xử lý: Về việc báo cáo tiến độ gieo cấy",
                        "Quá hạn xử lý: Về việc tổng kết vụ đông");
        assertThat(texts(director)).containsExactly("Văn bản bạn giao đã quá hạn xử lý: Về việc tổng kết vụ đông");
        assertThat(reminders.remind())
                .as("the same day, nobody is reminded twice")
                .isZero();

        List<?> overdue =
                director.get("/api/v1/units/" + unit.id() + "/overdue").list();
        assertThat(overdue).singleElement().satisfies(o -> {
            assertThat(((Map<?, ?>) o).get("documentId")).isEqualTo(late);
            assertThat(((Map<?, ?>) o).get("leadName")).isEqualTo("Chuyên Viên Chủ Trì");
            assertThat((Integer) ((Map<?, ?>) o).get("workingDaysLate")).isGreaterThanOrEqualTo(6);
        });
        assertThat(helper.get("/api/v1/units/" + unit.id() + "/overdue").status())
                .isEqualTo(403);
        Map<?, ?> item = (Map<?, ?>) lead.get("/api/v1/my-work").list().stream()
                .filter(i -> late.equals(((Map<?, ?>) i).get("documentId")))
                .findFirst()
                .orElseThrow();
        assertThat(item.get("overdue")).isEqualTo(true);
    }

    private List<String> texts(ApiClient official) {
        return ((List<?>) official.get("/api/v1/notifications").get("notices"))
                .stream().map(n -> (String) ((Map<?, ?>) n).get("text")).toList();
    }

    private String anArrivingLetter(String subject) {
        return ArrivingLetters.registered(clerk, unit.id(), subject, 0);
    }

    private ApiClient api(String username) {
        return new ApiClient(port, province.tokenFor(username));
    }
}
