package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** The page of a unit's approval route and the draft form, as the people who open them see them. */
@CongVanTest
class ApprovalRoutePageTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    PagesAs pages;
    TestProvince province;
    TestProvince.Unit committee;
    UUID office;
    String chairman;

    @BeforeEach
    void aCommitteeWithAnOfficeAndARouteThroughIt() {
        pages = new PagesAs(context);
        province = new TestProvince(jdbc, encoder, port);
        committee = province.aUnit("Ủy ban nhân dân huyện Lục Nam", "UBND");
        office = province.aDivision(committee.id(), "Văn phòng HĐND và UBND", "VP");
        chairman = province.anOfficial("Trần Văn Chủ Tịch", Role.LEADER, committee.id());
        var route = new ApiClient(port, province.tokenFor(chairman))
                .putJson(
                        "/api/v1/units/" + committee.id() + "/approval-route",
                        List.of(
                                Map.of("role", "DIVISION_HEAD"),
                                Map.of("role", "DIVISION_HEAD", "divisionId", office.toString()),
                                Map.of("role", "LEADER")));
        assertThat(route.status()).as(route.body()).isEqualTo(200);
    }

    @Test
    void theLeaderSeesTheFormStartFromTheRouteInForce() throws Exception {
        Document page = pages.page("/units/" + committee.id() + "/approval-route", chairman);

        List<String> roles = page.select("#route-form select[name=role]").stream()
                .map(select -> select.select("option[selected]").val())
                .toList();
        List<String> divisions = page.select("#route-form select[name=divisionId]").stream()
                .map(select -> select.select("option[selected]").val())
                .toList();
        assertThat(roles).containsExactly("DIVISION_HEAD", "DIVISION_HEAD", "LEADER", "", "");
        assertThat(divisions).containsExactly("", office.toString(), "", "", "");
        assertThat(page.select("#absence-form")).hasSize(1);
    }

    @Test
    void anAbsenceIsRecordedForTheDaysWrittenDayFirstAndOneThatIsNoDayIsRefusedOnThePage() throws Exception {
        String deputy = province.anOfficial("Lý Văn Phó Chủ Tịch", Role.DEPUTY_LEADER, committee.id());
        LocalDate monday = LocalDate.of(2027, 3, 1);
        String path = "/units/" + committee.id() + "/leader-absences";
        Map<String, String> away = Map.of(
                "leaderId",
                province.personId(chairman).toString(),
                "deputyId",
                province.personId(deputy).toString(),
                "firstDay",
                "01/03/2027",
                "lastDay",
                "5/3/2027");

        var recorded = pages.post(path, chairman, away);

        assertThat(recorded.redirectedTo()).isEqualTo("/units/" + committee.id() + "/approval-route");
        assertThat(recorded.flash()).containsEntry("stepDone", true);
        assertThat(absences()).containsExactly(List.of(monday, monday.plusDays(4)));

        Map<String, String> noSuchDay = new java.util.HashMap<>(away);
        noSuchDay.put("lastDay", "31/02/2027");
        var refused = pages.post(path, chairman, noSuchDay);

        assertThat(refused.redirectedTo()).isEqualTo("/units/" + committee.id() + "/approval-route");
        assertThat(refused.flash())
                .containsEntry(
                        "stepProblem",
                        "Không đọc được ngày \"31/02/2027\": ghi theo dạng ngày/tháng/năm, ví dụ 15/12/2026.");
        assertThat(absences()).hasSize(1);
        Document page = pages.page("/units/" + committee.id() + "/approval-route", chairman);
        assertThat(page.select("#absence-form").hasAttr("data-keep"))
                .as("what was typed is put back by congvan.js")
                .isTrue();
        assertThat(page.select("#absence-form input[name=firstDay]").attr("type"))
                .isEqualTo("text");
    }

    private List<List<LocalDate>> absences() {
        return jdbc.sql("select first_day, last_day from leader_absence where unit_id = ?")
                .param(committee.id())
                .query((rs, n) ->
                        List.of(rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class)))
                .list();
    }

    @Test
    void aSpecialistSeesTheRouteButIsOfferedNoFormThatWouldRefuseThem() throws Exception {
        String specialist = province.anOfficial("Đỗ Thị Chuyên Viên", Role.SPECIALIST, committee.id());

        Document page = pages.page("/units/" + committee.id() + "/approval-route", specialist);

        assertThat(page.select("ol.route li")).hasSize(3);
        assertThat(page.select("#route-form, #absence-form")).isEmpty();
    }

    @Test
    void aDraftStartsInTheDraftersOwnDivisionSoThatItsHeadIsOnTheRoute() throws Exception {
        String drafter = province.anOfficialOfDivision("Mai Văn Soạn", Role.SPECIALIST, committee.id(), office);

        Document form = pages.page("/drafts/new", drafter);

        assertThat(form.select("#divisionId option[selected]").val()).isEqualTo(office.toString());
    }
}
