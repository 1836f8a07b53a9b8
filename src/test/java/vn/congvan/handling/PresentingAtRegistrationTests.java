package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * The clerk presents an arrival to a leader as it is registered (issue 16): one transaction, the
 * same checks and audit as presenting from the document's page; and the leader's assigning form
 * proposes the date the sender asked for.
 */
@CongVanTest
class PresentingAtRegistrationTests {

    private static final String SUBJECT = "Về việc kiểm tra công tác phòng cháy chữa cháy";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    TestProvince province;
    TestProvince.Unit department;
    String clerkName;
    ApiClient clerk;
    String directorName;
    UUID directorId;
    ApiClient director;
    UUID deputyId;
    UUID specialistId;
    UUID otherLeaderId;

    @BeforeEach
    void aDepartmentWithItsClerkAndLeaders() {
        province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Công Thương", "SCT");
        clerkName = province.anOfficial("Lý Thị Văn Thư", Role.CLERK, department.id());
        clerk = api(clerkName);
        directorName = province.anOfficial("Đinh Văn Giám Đốc", Role.LEADER, department.id());
        directorId = province.personId(directorName);
        director = api(directorName);
        deputyId = province.personId(province.anOfficial("Mai Thị Phó Giám Đốc", Role.DEPUTY_LEADER, department.id()));
        specialistId = province.personId(province.anOfficial("Cao Văn Chuyên Viên", Role.SPECIALIST, department.id()));
        TestProvince.Unit other = province.aUnit("Sở Tư pháp", "STP");
        otherLeaderId = province.personId(province.anOfficial("Tạ Văn Lãnh Đạo Khác", Role.LEADER, other.id()));
    }

    @Test
    void anArrivalRegisteredWithALeaderChosenIsPresentedToHimInTheSameStep() throws Exception {
        var registered = register(anArrival(directorId));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = (String) registered.get("id");
        var handling = director.get("/api/v1/documents/" + id + "/handling");
        assertThat(handling.get("state")).isEqualTo("PRESENTED");
        assertThat(((Map<?, ?>) handling.get("presentedTo")).get("id")).isEqualTo(directorId.toString());
        assertThat(waitingFor(director)).contains(id);
        List<Map<?, ?>> timeline = timeline(id);
        assertThat(timeline.stream().map(e -> (String) e.get("action")).toList())
                .containsSubsequence("document.incoming.registered", "handling.presented");
        Map<?, ?> presented = timeline.stream()
                .filter(e -> "handling.presented".equals(e.get("action")))
                .findFirst()
                .orElseThrow();
        assertThat(presented.get("actorName")).isEqualTo("Lý Thị Văn Thư");
        assertThat(((Map<?, ?>) presented.get("details")).get("to")).isEqualTo("Đinh Văn Giám Đốc");

        // The case opening that follows every registration finds the case presented and leaves it so.
        caseOpeningDoneFor(id);
        assertThat(director.get("/api/v1/documents/" + id + "/handling").get("state"))
                .isEqualTo("PRESENTED");
        assertThat(jdbc.sql("select count(*) from handling_case where document_id = ?::uuid")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDeputyLeaderIsPresentedToAsWell() {
        var registered = register(anArrival(deputyId));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(director.get("/api/v1/documents/" + registered.get("id") + "/handling")
                        .get("state"))
                .isEqualTo("PRESENTED");
    }

    @Test
    void someoneWhoIsNotALeaderOfTheUnitIsRefusedAndNothingIsRegistered() {
        for (UUID notALeader : List.of(specialistId, otherLeaderId, UUID.randomUUID())) {
            var refused =
                    clerk.inEnglish().multipart("/api/v1/documents/incoming", anArrival(notALeader), aPdf(), List.of());

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(problem(refused))
                    .containsEntry("field", "presentTo")
                    .containsEntry("code", "handling.present.not-a-leader")
                    .containsEntry("message", "Documents are presented to a leader of the unit only.");
            assertThat(arrivals()).isZero();
        }
        assertThat(jdbc.sql("select count(*) from audit_record where unit_id = ? and subject_type = 'document'")
                        .param(department.id())
                        .query(Integer.class)
                        .single())
                .isZero();

        // Refused before anything was written: the first arrival registered still gets number 1.
        var registered = register(anArrival(null));
        assertThat(registered.get("arrivalNumber")).isEqualTo(1);
        assertThat(director.get("/api/v1/documents/" + registered.get("id") + "/handling")
                        .get("state"))
                .isEqualTo("REGISTERED");
    }

    @Test
    void aSecretArrivalIsNotPresentedAsItIsRegisteredSinceNoLeaderMayReadItYet() {
        Map<String, Object> secret = anArrival(directorId);
        secret.put("confidentiality", 1);

        var refused = clerk.multipart("/api/v1/documents/incoming", secret, aPdf(), List.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(problem(refused))
                .containsEntry("field", "presentTo")
                .containsEntry("code", "registry.present.secret");
        assertThat((String) problem(refused).get("message")).startsWith("Văn bản mật chỉ trình lãnh đạo");
        assertThat(arrivals()).isZero();
    }

    @Test
    void theFormRegistersAndPresentsAndLandsOnTheDocument() throws Exception {
        MockHttpServletResponse answer = postTheForm(directorId.toString());

        assertThat(answer.getStatus()).isEqualTo(302);
        String id = answer.getRedirectedUrl().replace("/documents/", "");
        assertThat(director.get("/api/v1/documents/" + id + "/handling").get("state"))
                .isEqualTo("PRESENTED");
    }

    @Test
    void theFormRefusedForItsLeaderComesBackWithTheClerksEntriesAndSaysWhyByTheField() throws Exception {
        MockHttpServletResponse answer = postTheForm(specialistId.toString());

        assertThat(answer.getStatus()).isEqualTo(200);
        var page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#subject").text()).isEqualTo(SUBJECT);
        assertThat(page.select("#codeNumber").val()).isEqualTo("88");
        assertThat(page.select("#presentTo").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#presentTo + .field-error, #presentTo ~ .field-error")
                        .text())
                .isEqualTo("Chỉ trình văn bản cho lãnh đạo của đơn vị.");
        assertThat(page.select(".alert.error").text()).contains("Trình lãnh đạo");
        assertThat(arrivals()).isZero();
    }

    @Test
    void theRegistrationFormOffersTheUnitsLeadersAndDeputiesAndNothingChosen() throws Exception {
        var page = new PagesAs(context).page("/incoming/new", clerkName);

        var select = page.selectFirst("select#presentTo[name=presentTo]");
        assertThat(select).isNotNull();
        assertThat(page.select("#presentTo option").eachText())
                .containsExactly("— Trình sau —", "Đinh Văn Giám Đốc · Lãnh đạo", "Mai Thị Phó Giám Đốc · Cấp phó");
        assertThat(page.select("#presentTo optgroup").attr("data-option-of"))
                .isEqualTo(department.id().toString());
        assertThat(page.select("#presentTo option[selected]")).isEmpty();
    }

    @Test
    void theLeadersAssigningFormProposesTheDateTheSenderAskedForOnAWorkingDay() throws Exception {
        LocalDate saturday = today().plusDays(1);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        Map<String, Object> dueOnASaturday = anArrival(directorId);
        dueOnASaturday.put("dueDate", saturday.toString());
        Map<String, Object> dueOnAWorkingDay = anArrival(directorId);
        LocalDate workingDay = saturday.plusDays(3);
        dueOnAWorkingDay.put("dueDate", workingDay.toString());
        Map<String, Object> duePassed = anArrival(directorId);
        duePassed.put("dueDate", today().minusDays(1).toString());

        assertThat(proposedDeadline(register(dueOnASaturday))).isEqualTo(VietnamTime.DAY.format(saturday.minusDays(1)));
        assertThat(proposedDeadline(register(dueOnAWorkingDay))).isEqualTo(VietnamTime.DAY.format(workingDay));
        assertThat(proposedDeadline(register(duePassed))).isEmpty();
        assertThat(proposedDeadline(register(anArrival(directorId)))).isEmpty();
    }

    private String proposedDeadline(ApiClient.Answer registered) throws Exception {
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var section = new PagesAs(context).page("/documents/" + registered.get("id") + "/handling", directorName);
        assertThat(section.select("#assign-form select[name=leadId] option[selected]"))
                .as("nobody is chosen for the leader")
                .isEmpty();
        assertThat(section.select("#assign-form input[type=checkbox][checked]")).isEmpty();
        return section.select("#assign-form input[name=deadline]").val();
    }

    @Test
    void theFormReadsItsDaysAsTheClerkWritesThemTheDayFirst() throws Exception {
        LocalDate issued = today().minusDays(3);
        LocalDate due = today().plusDays(10);
        LocalDate arrived = today().minusDays(1);

        MockHttpServletResponse answer = postTheForm(
                "",
                Map.of(
                        "issuedDate", VietnamTime.DAY.format(issued),
                        "dueDate", due.getDayOfMonth() + "/" + due.getMonthValue() + "/" + due.getYear(),
                        "arrivalDate", VietnamTime.DAY.format(arrived) + " 07:45"));

        assertThat(answer.getStatus())
                .as(answer.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
        var stored = jdbc.sql("select issued_date, due_date, arrival_date from document where unit_id = ?")
                .param(department.id())
                .query((rs, n) -> List.of(
                        rs.getObject("issued_date", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getObject("arrival_date", java.time.OffsetDateTime.class)
                                .atZoneSameInstant(VietnamTime.ZONE)
                                .toLocalDateTime()))
                .single();
        assertThat(stored).containsExactly(issued, due, arrived.atTime(7, 45));
    }

    @Test
    void aDayThatIsNoDayIsRefusedByItsFieldWithWhatWasTypedKeptAndNothingRegistered() throws Exception {
        MockHttpServletResponse answer = postTheForm(
                "", Map.of("issuedDate", "31/02/2026", "dueDate", "12/31/2026", "arrivalDate", "05/01/2026 25:00"));

        assertThat(answer.getStatus()).isEqualTo(200);
        var page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#issuedDate").val()).isEqualTo("31/02/2026");
        assertThat(page.select("#dueDate").val()).isEqualTo("12/31/2026");
        assertThat(page.select("#arrivalDate").val()).isEqualTo("05/01/2026 25:00");
        assertThat(page.select("#codeNumber").val()).isEqualTo("88");
        assertThat(page.select(".alert.error li").eachText())
                .containsExactlyInAnyOrder(
                        "Ngày văn bản: Không đọc được ngày \"31/02/2026\": ghi theo dạng ngày/tháng/năm, ví dụ 15/12/2026.",
                        "Hạn xử lý: Không đọc được ngày \"12/31/2026\": ghi theo dạng ngày/tháng/năm, ví dụ 15/12/2026.",
                        "Ngày đến: Không đọc được thời điểm \"05/01/2026 25:00\": ghi theo dạng ngày/tháng/năm giờ:phút, ví dụ 15/12/2026 08:30.");
        assertThat(arrivals()).isZero();
    }

    @Test
    void theFormsDaysAreTextFieldsWrittenDayFirstWhateverTheBrowsersLanguage() throws Exception {
        var page = new PagesAs(context).page("/incoming/new?lang=en", clerkName);

        for (String day : List.of("#issuedDate", "#dueDate")) {
            assertThat(page.select(day).attr("type")).as(day).isEqualTo("text");
            assertThat(page.select(day).attr("inputmode")).isEqualTo("numeric");
            assertThat(page.select(day).attr("autocomplete")).isEqualTo("off");
            assertThat(page.select(day).attr("placeholder")).isEqualTo("dd/mm/yyyy");
            assertThat("05/01/2027").matches(page.select(day).attr("pattern"));
            assertThat("2027-01-05").doesNotMatch(page.select(day).attr("pattern"));
        }
        assertThat(page.select("#issuedDate").hasAttr("required")).isTrue();
        assertThat(page.select("#arrivalDate").attr("placeholder")).isEqualTo("dd/mm/yyyy hh:mm");
        assertThat("05/01/2027 08:30").matches(page.select("#arrivalDate").attr("pattern"));
        assertThat(page.select("input[type=date], input[type=datetime-local]")).isEmpty();
    }

    private MockHttpServletResponse postTheForm(String presentTo) throws Exception {
        return postTheForm(presentTo, Map.of("issuedDate", VietnamTime.DAY.format(today().minusDays(1))));
    }

    private MockHttpServletResponse postTheForm(String presentTo, Map<String, String> days) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        Official official = (Official) context.getBean(UserDetailsService.class).loadUserByUsername(clerkName);
        MockMultipartHttpServletRequestBuilder form = MockMvcRequestBuilders.multipart("/incoming")
                .file(new MockMultipartFile(
                        "file", "cong-van.pdf", "application/pdf", SamplePdf.withText("CÔNG VĂN", SUBJECT)));
        Map<String, String> fields = new HashMap<>(Map.of(
                "unitId",
                department.id().toString(),
                "typeName",
                "CONG_VAN",
                "codeNumber",
                "88",
                "codeNotation",
                "UBND-KT",
                "organName",
                "Ủy ban nhân dân tỉnh Bắc Giang",
                "subject",
                SUBJECT,
                "submissionKey",
                UUID.randomUUID().toString(),
                "presentTo",
                presentTo));
        fields.putAll(days);
        fields.forEach(form::param);
        return mvc.perform(form.with(user(official)).with(csrf())).andReturn().getResponse();
    }

    private Map<String, Object> anArrival(UUID presentTo) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", department.id().toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", Integer.toString(100 + (int) (Math.random() * 800)));
        m.put("codeNotation", "UBND-KT");
        m.put("issuedDate", today().minusDays(1).toString());
        m.put("organName", "Ủy ban nhân dân tỉnh Bắc Giang");
        m.put("subject", SUBJECT);
        m.put("confirmDuplicate", true);
        if (presentTo != null) {
            m.put("presentTo", presentTo.toString());
        }
        return m;
    }

    private ApiClient.Answer register(Map<String, Object> metadata) {
        return clerk.multipart("/api/v1/documents/incoming", metadata, aPdf(), List.of());
    }

    private static FilePart aPdf() {
        return FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN", SUBJECT));
    }

    private int arrivals() {
        return jdbc.sql("select count(*) from document where unit_id = ?")
                .param(department.id())
                .query(Integer.class)
                .single();
    }

    private List<String> waitingFor(ApiClient official) {
        return official.get("/api/v1/my-work").list().stream()
                .map(i -> (String) ((Map<?, ?>) i).get("documentId"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> timeline(String id) {
        return (List<Map<?, ?>>)
                director.get("/api/v1/documents/" + id + "/timeline").list();
    }

    /** Waits until the events of the registration have been handled after its commit (the case opening among them). */
    private void caseOpeningDoneFor(String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            int pending = jdbc.sql("select count(*) from event_publication where completion_date is null"
                            + " and serialized_event like ?")
                    .param("%" + id + "%")
                    .query(Integer.class)
                    .single();
            if (pending == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the registration's events were not handled");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(ApiClient.Answer answer) {
        return (Map<String, Object>) ((List<?>) answer.get("errors")).get(0);
    }

    private ApiClient api(String username) {
        return new ApiClient(port, province.tokenFor(username));
    }

    private static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }
}
