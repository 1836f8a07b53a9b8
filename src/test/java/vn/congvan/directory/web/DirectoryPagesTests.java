package vn.congvan.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.CongVanTest;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.Official;

@CongVanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryPagesTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService officials;

    @Autowired
    Directory directory;

    MockMvc mvc;
    Official admin;
    String tag;
    UUID district;
    UUID commune;

    @BeforeAll
    void aDistrictWithACommuneMadeThroughTheForms() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        admin = (Official) officials.loadUserByUsername("admin");
        tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        UUID province = directory.findUnits(null, null, null).stream()
                .filter(u -> u.parentId() == null)
                .findFirst()
                .orElseThrow()
                .id();
        district = createdUnit(post("/directory/units")
                .param("parentId", province.toString())
                .param("kind", "DISTRICT")
                .param("name", "Ủy ban nhân dân huyện Gia Bình " + tag)
                .param("shortName", "Huyện Gia Bình " + tag)
                .param("abbreviation", "UBND")
                .param("legacyCode", "")
                .param("code", "TEST.GIABINH." + tag)
                .param("validFrom", "01/05/2001"));
        commune = createdUnit(post("/directory/units")
                .param("parentId", district.toString())
                .param("kind", "COMMUNE")
                .param("name", "Ủy ban nhân dân xã Đông Cứu " + tag)
                .param("abbreviation", "UBND"));
    }

    @Test
    void theListGroupsUnitsByLevelAndFindsThemWithoutDiacritics() throws Exception {
        String page = html(asAdmin(get("/directory/units").param("q", "gia binh " + tag)));

        assertThat(page)
                .contains("<html", "Cấp huyện", "Ủy ban nhân dân huyện Gia Bình " + tag, "TEST.GIABINH." + tag)
                .doesNotContain("Đông Cứu " + tag);
        assertThat(html(asAdmin(get("/directory/units").param("q", "dong cuu " + tag))))
                .contains("Cấp xã", "Ủy ban nhân dân xã Đông Cứu " + tag, "Huyện Gia Bình " + tag);
    }

    @Test
    void htmxFiltersReceiveOnlyTheList() throws Exception {
        String fragment = html(
                asAdmin(get("/directory/units").param("q", "dong cuu " + tag).header("HX-Request", "true")));

        assertThat(fragment).doesNotContain("<html").contains("id=\"unit-results\"", "Đông Cứu " + tag);
    }

    @Test
    void aUnitShowsItsCodesValidityDivisionsAndPeople() throws Exception {
        MockHttpServletResponse division = asAdmin(post("/directory/units/" + commune + "/divisions")
                .param("name", "Văn phòng - Thống kê")
                .param("abbreviation", "VPTK")
                .with(csrf()));
        assertThat(division.getRedirectedUrl()).isEqualTo("/directory/units/" + commune);
        MockHttpServletResponse person = asAdmin(post("/directory/people")
                .param("unitId", commune.toString())
                .param("username", "vanthu.dongcuu" + tag)
                .param("fullName", "Nguyễn Thị Thanh Hương")
                .param("password", "Mat-khau-thu-2026")
                .param("role", "CLERK")
                .param("positionTitle", "Văn thư")
                .with(csrf()));
        assertThat(person.getRedirectedUrl()).isEqualTo("/directory/units/" + commune);
        MockHttpServletResponse role = asAdmin(post("/directory/units/" + district + "/roles")
                .param("username", "vanthu.dongcuu" + tag)
                .param("role", "SPECIALIST")
                .param("positionTitle", "Chuyên viên")
                .with(csrf()));
        assertThat(role.getRedirectedUrl()).isEqualTo("/directory/units/" + district);

        String communePage = html(asAdmin(get("/directory/units/" + commune)));
        assertThat(communePage)
                .contains(
                        "Ủy ban nhân dân xã Đông Cứu " + tag,
                        "Văn phòng - Thống kê",
                        "VPTK",
                        "Nguyễn Thị Thanh Hương",
                        "vanthu.dongcuu" + tag,
                        "Văn thư",
                        "Ủy ban nhân dân huyện Gia Bình " + tag,
                        "Từ ngày");
        String districtPage = html(asAdmin(get("/directory/units/" + district)));
        assertThat(districtPage)
                .contains(
                        "TEST.GIABINH." + tag,
                        "Từ ngày 01/05/2001",
                        "Nguyễn Thị Thanh Hương",
                        "Chuyên viên",
                        "Ủy ban nhân dân xã Đông Cứu " + tag);
    }

    @Test
    void pagesSpeakEnglishWhenAskedTo() throws Exception {
        String page = html(asAdmin(get("/directory/units/" + district).header("Accept-Language", "en")));

        assertThat(page)
                .contains("Units under this one", "Since 01/05/2001", "District")
                .doesNotContain("Từ ngày");
    }

    @Test
    void invalidFormsComeBackWithTheReasonsNextToTheFields() throws Exception {
        String page = html(asAdmin(post("/directory/units")
                .param("parentId", district.toString())
                .param("kind", "COMMUNE")
                .param("name", "X".repeat(201))
                .param("abbreviation", "UBND")
                .param("legacyCode", "12.34")
                .param("validFrom", "1/5/2001")
                .with(csrf())));

        assertThat(page).contains("Tên đơn vị dài quá 200 ký tự.", "Mã định danh phải có dạng 000.00.00.H10");
        assertThat(Jsoup.parse(page).select("#validFrom").val()).isEqualTo("01/05/2001");
        String refused = html(asAdmin(post("/directory/units/" + district + "/roles")
                .param("username", "khong.ai.ca" + tag)
                .param("role", "CLERK")
                .with(csrf())));
        assertThat(refused).contains("Không có cán bộ nào có tên đăng nhập khong.ai.ca" + tag);
    }

    @Test
    void aDayThatIsNoDayIsRefusedNextToItsFieldAsTypedAndNoUnitIsOpened() throws Exception {
        String name = "Ủy ban nhân dân xã Ngày Lạ " + tag;
        MockHttpServletResponse answer = asAdmin(post("/directory/units")
                .param("parentId", district.toString())
                .param("kind", "COMMUNE")
                .param("name", name)
                .param("abbreviation", "UBND")
                .param("validFrom", "31/02/2027")
                .with(csrf()));

        assertThat(answer.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(html(answer));
        assertThat(page.select("#validFrom").val()).isEqualTo("31/02/2027");
        assertThat(page.select("#validFrom").attr("type")).isEqualTo("text");
        assertThat(page.select("#validFrom ~ .alert.error").text())
                .isEqualTo("Không đọc được ngày này; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/12/2026.");
        assertThat(page.select("#name").val()).isEqualTo(name);
        assertThat(directory.findUnits(null, null, name)).isEmpty();
    }

    @Test
    void onlyAdministratorsReachTheForms() throws Exception {
        Official clerk = clerkOfTheCommune();

        assertThat(mvc.perform(get("/directory/units/new").with(user(clerk)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/directory/units/" + commune + "/divisions")
                                .param("name", "Phòng lạ")
                                .param("abbreviation", "PL")
                                .with(csrf())
                                .with(user(clerk)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        String page = html(mvc.perform(get("/directory/units/" + commune).with(user(clerk)))
                .andReturn()
                .getResponse());
        assertThat(page).contains("Ủy ban nhân dân xã Đông Cứu " + tag).doesNotContain("Thêm phòng, ban");
    }

    private Official clerkOfTheCommune() throws Exception {
        String username = "vanthu2.dongcuu" + tag;
        asAdmin(post("/directory/people")
                .param("unitId", commune.toString())
                .param("username", username)
                .param("fullName", "Lê Thị Mai")
                .param("password", "Mat-khau-thu-2026")
                .param("role", "CLERK")
                .with(csrf()));
        return (Official) officials.loadUserByUsername(username);
    }

    private UUID createdUnit(MockHttpServletRequestBuilder form) throws Exception {
        MockHttpServletResponse response = asAdmin(form.with(csrf()));
        assertThat(response.getRedirectedUrl()).as(html(response)).startsWith("/directory/units/");
        UUID id = UUID.fromString(response.getRedirectedUrl().substring("/directory/units/".length()));
        UnitView unit = directory.unit(id);
        assertThat(unit.name()).endsWith(tag);
        return id;
    }

    private MockHttpServletResponse asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(admin))).andReturn().getResponse();
    }

    private static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
