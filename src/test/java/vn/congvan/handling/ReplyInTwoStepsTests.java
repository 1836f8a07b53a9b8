package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
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
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;

/**
 * A specialist answers an incoming document in two steps: "complete and draft the reply" opens the
 * draft form with the sender ticked, and "save and submit" starts the draft and submits it at once,
 * along the route the form showed.
 */
@CongVanTest
class ReplyInTwoStepsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    @Autowired
    vn.congvan.signing.keys.SigningCertificates certificates;

    PagesAs pages;
    TestProvince province;
    TestProvince.Unit committee;
    TestProvince.Unit department;
    UUID culture;
    String specialistName;
    ApiClient specialist;
    ApiClient clerk;
    ApiClient chairman;
    String chairmanName;
    ApiClient head;
    UUID specialistId;

    @BeforeEach
    void aDistrictCommitteeWhoseSpecialistHandlesALetter() {
        pages = new PagesAs(context);
        province = new TestProvince(jdbc, encoder, port);
        String suffix = Long.toString(System.nanoTime() % 100_000);
        committee = province.aUnit("Ủy ban nhân dân huyện Lạng Giang " + suffix, "UBND");
        culture = province.aDivision(committee.id(), "Phòng Văn hóa và Thông tin", "VHTT");
        specialistName = province.anOfficialOfDivision("Vũ Thị Chuyên Viên", Role.SPECIALIST, committee.id(), culture);
        specialist = api(specialistName);
        specialistId = province.personId(specialistName);
        head = api(province.anOfficialOfDivision("Đinh Văn Trưởng Phòng", Role.DIVISION_HEAD, committee.id(), culture));
        chairmanName = province.anOfficial("Hoàng Văn Chủ Tịch", Role.LEADER, committee.id());
        chairman = api(chairmanName);
        clerk = api(province.anOfficial("Lê Thị Văn Thư", Role.CLERK, committee.id()));
        department = province.aUnit("Sở Văn hóa, Thể thao và Du lịch " + suffix, "SVHTTDL");
    }

    @Test
    void completingWithTheReplyButtonCompletesTheHandlingAndOpensTheReplyWithTheSenderTicked() throws Exception {
        String incoming = aLetterAssignedToTheSpecialist(null, department.name());

        var completed = pages.post(
                "/documents/" + incoming + "/handling/complete",
                specialistName,
                Map.of("note", "Trả lời bằng báo cáo", "then", "reply"));

        assertThat(completed.redirectedTo()).isEqualTo("/drafts/new?replyTo=" + incoming);
        var handling = specialist.get("/api/v1/documents/" + incoming + "/handling");
        assertThat(handling.get("state")).isEqualTo("DONE");
        assertThat(handling.get("progressNote")).isEqualTo("Trả lời bằng báo cáo");
        Document form = pages.page("/drafts/new?replyTo=" + incoming, specialistName);
        assertThat(form.select("#recipients input[name=recipientIds][checked]").eachAttr("value"))
                .containsExactly(department.id().toString());
        assertThat(form.select("#recipients .picker-count").text()).isEqualTo("Đã chọn 1 nơi nhận");
        String yesterday =
                LocalDate.now(VietnamTime.ZONE).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(form.select("#reply-to").text())
                .isEqualTo("Trả lời văn bản số 112/SVHTTDL-VP ngày " + yesterday + " của " + department.name() + ".");
        assertThat(form.select("#reply-sender-unknown")).isEmpty();
        assertThat(form.select("input[name=replyTo]").val()).isEqualTo(incoming);
        assertThat(form.select("#divisionId option[selected]").val()).isEqualTo(culture.toString());
        assertThat(form.select("#subject").text()).as("no subject made up").isEmpty();
        assertThat(form.select("#typeName option[selected]").val()).isEqualTo("CONG_VAN");
    }

    @Test
    void thePlainCompleteButtonStillGoesBackToTheDocument() throws Exception {
        String incoming = aLetterAssignedToTheSpecialist(null, department.name());

        var completed = pages.post("/documents/" + incoming + "/handling/complete", specialistName, Map.of());

        assertThat(completed.redirectedTo()).isEqualTo("/documents/" + incoming + "#handling");
    }

    @Test
    void aRefusedCompletionStaysOnTheDocumentAndSaysWhy() throws Exception {
        String incoming = aLetterAssignedToTheSpecialist(null, department.name());
        String other = province.anOfficial("Người Khác", Role.SPECIALIST, committee.id());

        var refused = pages.post("/documents/" + incoming + "/handling/complete", other, Map.of("then", "reply"));

        assertThat(refused.redirectedTo()).isEqualTo("/documents/" + incoming + "#handling");
        assertThat(refused.flash()).containsKey("stepProblem");
        assertThat(specialist.get("/api/v1/documents/" + incoming + "/handling").get("state"))
                .isEqualTo("ASSIGNED");
    }

    @Test
    void aSenderWhoseCodeIsAnAgencyOfTheAxisDirectoryIsTickedAmongTheAgenciesOutside() throws Exception {
        String ministry = "000.00.00.G" + (System.nanoTime() % 90 + 10);
        jdbc.sql("insert into axis_agency (organ_id, name, system_id, synced_at) values (?, ?, 'other', now())"
                        + " on conflict (organ_id) do update set name = excluded.name")
                .params(ministry, "Bộ Văn hóa, Thể thao và Du lịch")
                .update();
        try {
            String incoming = aLetterAssignedToTheSpecialist(ministry, "Bộ VHTTDL");

            Document form = pages.page("/drafts/new?replyTo=" + incoming, specialistName);

            assertThat(form.select("#recipients input[checked]").eachAttr("value"))
                    .containsExactly(ministry);
            assertThat(form.select("#recipients input[name=outsideOrganIds][checked]"))
                    .hasSize(1);
            assertThat(form.select("details.picker-group[data-group$=OUTSIDE]").hasAttr("open"))
                    .as("the group of the sender ticked is open")
                    .isTrue();
        } finally {
            jdbc.sql("delete from axis_agency where organ_id = ?")
                    .param(ministry)
                    .update();
        }
    }

    @Test
    void aSenderOfTheInstallationIsFoundByItsCode() throws Exception {
        String incoming = aLetterAssignedToTheSpecialist(department.legacyCode(), "Sở VHTTDL (viết tắt)");

        Document form = pages.page("/drafts/new?replyTo=" + incoming, specialistName);

        assertThat(form.select("#recipients input[checked]").eachAttr("value"))
                .containsExactly(department.id().toString());
    }

    @Test
    void anUnknownSenderTicksNothingAndTheFormSaysSo() throws Exception {
        String incoming = aLetterAssignedToTheSpecialist(null, "Công ty TNHH Không Có Trong Danh Bạ");

        Document form = pages.page("/drafts/new?replyTo=" + incoming, specialistName);

        assertThat(form.select("#recipients input[checked]")).isEmpty();
        assertThat(form.select("#recipients .picker-count").text()).isEqualTo("Chưa chọn nơi nhận");
        assertThat(form.select("#reply-sender-unknown").text()).contains("Không xác định được cơ quan gửi");
    }

    @Test
    void aReplyToADocumentTheOfficialMayNotReadIsRefusedBeforeAnything() throws Exception {
        String incoming = aLetterAssignedToTheSpecialist(null, department.name());
        String outsider = province.anOfficial("Hà Văn Ngoài", Role.SPECIALIST, department.id());

        var answer = pages.download("/drafts/new?replyTo=" + incoming, outsider);

        assertThat(answer.getStatus()).isIn(403, 404);
        assertThat(answer.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("draft-form");
    }

    @Test
    void aPlainNewDraftIsUnchanged() throws Exception {
        Document form = pages.page("/drafts/new", specialistName);

        assertThat(form.select("#reply-to, input[name=replyTo]")).isEmpty();
        assertThat(form.select("#recipients input[checked]")).isEmpty();
        assertThat(form.select("#divisionId option[selected]").val()).isEqualTo(culture.toString());
    }

    @Test
    void theFormShowsTheRouteOfEachDivisionBeforeAnythingIsSubmitted() throws Exception {
        UUID justice = province.aDivision(committee.id(), "Phòng Tư pháp", "TP");

        Document form = pages.page("/drafts/new", specialistName);

        var shown = form.select("#planned-route-preview .route-option:not([hidden])");
        assertThat(shown.eachAttr("data-division")).containsExactly(culture.toString());
        assertThat(shown.select("li .planned-approver").eachText())
                .containsExactly("Đinh Văn Trưởng Phòng", "Hoàng Văn Chủ Tịch");
        assertThat(form.select("#planned-route-preview .route-option[data-division=" + justice + "] .alert")
                        .text())
                .as("a division without a head: the submission would be refused, and the form says so")
                .isNotBlank();
        assertThat(form.select("#planned-route-preview .route-option").stream()
                        .filter(option -> option.attr("data-division").isEmpty())
                        .flatMap(option -> option.select("li .planned-approver").eachText().stream())
                        .toList())
                .containsExactly("Hoàng Văn Chủ Tịch");
    }

    @Test
    void saveAndSubmitStartsTheDraftAndSubmitsItToTheFirstApprover() throws Exception {
        Map<String, String> fields = draftFields(culture, "Báo cáo công tác tổ chức lễ hội năm 2026");
        fields.put("then", "submit");

        var created = pages.post("/drafts", specialistName, fields);

        assertThat(created.redirectedTo()).startsWith("/drafts/");
        String draft = created.redirectedTo().substring("/drafts/".length());
        assertThat(specialist.get("/api/v1/drafts/" + draft).get("state")).isEqualTo("SUBMITTED");
        Document page = pages.page("/drafts/" + draft, specialistName);
        assertThat(page.select("#draft").attr("data-state")).isEqualTo("SUBMITTED");
        assertThat(page.select(".approver").text()).isEqualTo("Đinh Văn Trưởng Phòng");
        assertThat(jdbc.sql("select count(*) from draft_recipient where draft_id = ?::uuid")
                        .param(draft)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        var again = pages.post("/drafts", specialistName, fields);
        assertThat(again.redirectedTo())
                .as("the same form sent twice is one draft, submitted once")
                .isEqualTo(created.redirectedTo());
    }

    @Test
    void aRefusedSubmissionSavesNothingAndTheFormComesBackAsItWasSentSayingWhy() throws Exception {
        UUID justice = province.aDivision(committee.id(), "Phòng Tư pháp", "TP");
        Map<String, String> fields = draftFields(justice, "Về việc phổ biến pháp luật năm 2026");
        fields.put("then", "submit");
        long before = draftsOfTheCommittee();

        var sent = pages.answer("/drafts", specialistName, fields);

        assertThat(sent.getStatus()).isIn(400, 409);
        assertThat(draftsOfTheCommittee()).isEqualTo(before);
        Document form = org.jsoup.Jsoup.parse(sent.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(form.select("#step-problem").text()).contains("Trưởng phòng");
        assertThat(form.select("#subject").text()).isEqualTo("Về việc phổ biến pháp luật năm 2026");
        assertThat(form.select("#divisionId option[selected]").val()).isEqualTo(justice.toString());
        assertThat(form.select("#typeName option[selected]").val()).isEqualTo("BAO_CAO");
        assertThat(form.select("#recipients input[checked]").eachAttr("value"))
                .containsExactly(department.id().toString());
        assertThat(form.select("input[name=keptUploadId]").val()).isEqualTo(fields.get("fileUploadId"));
        assertThat(form.select("#kept-file").text()).contains("du-thao.pdf");
        assertThat(form.select("#file").hasAttr("required")).isFalse();
    }

    @Test
    void theReplyOnceIssuedIsRecordedAsTheReplyOfTheIncomingDocument() throws Exception {
        vn.congvan.signing.TestSigners signers = new vn.congvan.signing.TestSigners(jdbc, certificates);
        signers.personal(chairmanName, committee.id(), committee.name());
        signers.organization(committee.id(), committee.name());
        String incoming = aLetterAssignedToTheSpecialist(null, department.name());
        pages.post("/documents/" + incoming + "/handling/complete", specialistName, Map.of("then", "reply"));
        Map<String, String> fields = draftFields(culture, "Báo cáo công tác tổ chức lễ hội năm 2026");
        fields.put("then", "submit");
        fields.put("replyTo", incoming);

        String draft =
                pages.post("/drafts", specialistName, fields).redirectedTo().substring("/drafts/".length());
        head.postJson("/api/v1/drafts/" + draft + "/approval", Map.of());
        String document = (String) chairman.postJson("/api/v1/drafts/" + draft + "/approval", Map.of())
                .get("documentId");
        chairman.postJson("/api/v1/documents/" + document + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(specialist.get("/api/v1/documents/" + incoming + "/handling").get("replyDocumentId"))
                .as("not before it is issued")
                .isNull();
        var issued = clerk.postJson("/api/v1/drafts/" + draft + "/issue", Map.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);

        assertThat(specialist.get("/api/v1/documents/" + incoming + "/handling").get("replyDocumentId"))
                .isEqualTo(document);
        Document section = pages.page("/documents/" + incoming + "/handling", specialistName);
        assertThat(section.select("#reply-document").text()).endsWith("/BC-UBND");
        assertThat(section.select("#reply-document").attr("href")).isEqualTo("/documents/" + document);
    }

    @Test
    void aDraftCannotAnswerADocumentOfAnotherUnit() throws Exception {
        ApiClient theirClerk = api(province.anOfficial("Văn Thư Sở", Role.CLERK, department.id()));
        String theirs = ArrivingLetters.fromTheDepartment(theirClerk, department.id(), null, committee.name());
        Map<String, String> fields = draftFields(culture, "Về việc trả lời nhầm đơn vị");
        fields.put("replyTo", theirs);
        long before = draftsOfTheCommittee();

        var refused = pages.answer("/drafts", specialistName, fields);

        assertThat(refused.getStatus()).isIn(403, 404);
        assertThat(draftsOfTheCommittee()).isEqualTo(before);
    }

    @Test
    void anIntegratorAnswersAndSubmitsInOneRequestThroughTheApi() throws Exception {
        String incoming = aLetterAssignedToTheSpecialist(null, department.name());
        Map<String, Object> metadata = apiMetadata(culture, "Báo cáo công tác tổ chức lễ hội năm 2026");
        metadata.put("replyTo", incoming);
        metadata.put("submit", true);

        var created = specialist.multipart(
                "/api/v1/drafts", metadata, FilePart.pdf("bao-cao.pdf", SamplePdf.withText("BÁO CÁO")), List.of());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.get("state")).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select incoming_document_id from draft_reply_to where draft_id = ?::uuid")
                        .param((String) created.get("id"))
                        .query(UUID.class)
                        .single())
                .isEqualTo(UUID.fromString(incoming));
        var again = specialist.multipart(
                "/api/v1/drafts", metadata, FilePart.pdf("bao-cao.pdf", SamplePdf.withText("BÁO CÁO")), List.of());
        assertThat(again.get("id")).as("the same submission key is one draft").isEqualTo(created.get("id"));
        assertThat(again.get("state")).isEqualTo("SUBMITTED");
    }

    @Test
    void anApiDraftWhoseSubmissionIsRefusedSavesNothingAndOneWithoutSubmitStaysADraft() throws Exception {
        UUID justice = province.aDivision(committee.id(), "Phòng Tư pháp", "TP");
        Map<String, Object> refusedMetadata = apiMetadata(justice, "Về việc phổ biến pháp luật năm 2026");
        refusedMetadata.put("submit", true);
        long before = draftsOfTheCommittee();

        var refused = specialist.multipart(
                "/api/v1/drafts", refusedMetadata, FilePart.pdf("du-thao.pdf", SamplePdf.withText("x")), List.of());

        assertThat(refused.status()).isIn(400, 409);
        assertThat(refused.body()).contains("Trưởng phòng");
        assertThat(draftsOfTheCommittee()).isEqualTo(before);
        var kept = specialist.multipart(
                "/api/v1/drafts",
                apiMetadata(justice, "Về việc phổ biến pháp luật năm 2026"),
                FilePart.pdf("du-thao.pdf", SamplePdf.withText("x")),
                List.of());
        assertThat(kept.get("state")).isEqualTo("DRAFTING");
    }

    @Test
    void anApiReplyToADocumentOfAnotherUnitIsRefused() throws Exception {
        ApiClient theirClerk = api(province.anOfficial("Văn Thư Sở", Role.CLERK, department.id()));
        String theirs = ArrivingLetters.fromTheDepartment(theirClerk, department.id(), null, committee.name());
        Map<String, Object> metadata = apiMetadata(culture, "Về việc trả lời nhầm đơn vị");
        metadata.put("replyTo", theirs);
        long before = draftsOfTheCommittee();

        var refused = specialist.multipart(
                "/api/v1/drafts", metadata, FilePart.pdf("du-thao.pdf", SamplePdf.withText("x")), List.of());

        assertThat(refused.status()).isIn(403, 404);
        assertThat(draftsOfTheCommittee()).isEqualTo(before);
    }

    private Map<String, Object> apiMetadata(UUID division, String subject) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", committee.id().toString());
        metadata.put("typeName", "BAO_CAO");
        metadata.put("subject", subject);
        metadata.put("divisionId", division.toString());
        metadata.put("recipients", List.of(Map.of("unitId", department.id().toString())));
        metadata.put("submissionKey", UUID.randomUUID().toString());
        return metadata;
    }

    private long draftsOfTheCommittee() {
        return jdbc.sql("select count(*) from draft where unit_id = ?")
                .param(committee.id())
                .query(Long.class)
                .single();
    }

    private Map<String, String> draftFields(UUID division, String subject) {
        Map<String, String> fields = new HashMap<>();
        fields.put("unitId", committee.id().toString());
        fields.put("typeName", "BAO_CAO");
        fields.put("subject", subject);
        fields.put("divisionId", division.toString());
        fields.put("recipientIds", department.id().toString());
        fields.put("submissionKey", UUID.randomUUID().toString());
        fields.put(
                "fileUploadId",
                specialist
                        .uploaded(FilePart.pdf("du-thao.pdf", SamplePdf.withText("BÁO CÁO", subject)))
                        .toString());
        return fields;
    }

    /** A letter no. 112/SVHTTDL-VP of yesterday from {@code organName}, assigned to the specialist. */
    private String aLetterAssignedToTheSpecialist(String organId, String organName) {
        String id = ArrivingLetters.fromTheDepartment(clerk, committee.id(), organId, organName);
        var assigned =
                chairman.postJson("/api/v1/documents/" + id + "/handling/assignment", Map.of("leadId", specialistId));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return id;
    }

    private ApiClient api(String username) {
        return new ApiClient(port, province.tokenFor(username));
    }
}
