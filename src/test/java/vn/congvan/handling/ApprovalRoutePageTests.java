package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

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
