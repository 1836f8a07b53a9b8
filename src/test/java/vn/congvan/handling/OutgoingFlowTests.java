package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
import vn.congvan.Poppler;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.TestSigners;
import vn.congvan.signing.keys.SigningCertificates;

/**
 * An outgoing document from its draft to its recipients inside the installation: the approval
 * route, the leader's signature, the clerk's number and seal, delivery, the recipient's handling
 * coming back to the sender as edXML status codes; returns, delegation (KT.), revocation, refusals.
 */
@CongVanTest
class OutgoingFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    @Autowired
    WebApplicationContext context;

    TestProvince province;
    String headName;
    String specialistName;
    String chairmanName;
    String deputyName;
    TestProvince.Unit committee;
    TestProvince.Unit department;
    UUID culture;
    ApiClient specialist;
    ApiClient head;
    ApiClient chairman;
    ApiClient deputy;
    ApiClient clerk;
    ApiClient theirClerk;
    String theirClerkName;
    ApiClient theirDirector;
    UUID chairmanId;
    UUID deputyId;
    UUID theirSpecialistId;
    ApiClient theirSpecialist;

    @BeforeEach
    void aDistrictCommitteeAndADepartmentOfTheProvince() {
        province = new TestProvince(jdbc, encoder, port);
        TestSigners signers = new TestSigners(jdbc, certificates);
        committee = province.aUnit("Ủy ban nhân dân huyện Tân Yên", "UBND");
        culture = province.aDivision(committee.id(), "Phòng Văn hóa và Thông tin", "VHTT");
        specialistName = province.anOfficialOfDivision("Lý Thị Chuyên Viên", Role.SPECIALIST, committee.id(), culture);
        specialist = api(specialistName);
        headName = province.anOfficialOfDivision("Mai Văn Trưởng Phòng", Role.DIVISION_HEAD, committee.id(), culture);
        head = api(headName);
        String c = province.anOfficial("Nguyễn Văn Thắng", Role.LEADER, committee.id());
        chairmanName = c;
        chairman = api(c);
        chairmanId = province.personId(c);
        String d = province.anOfficial("Trịnh Văn Phó", Role.DEPUTY_LEADER, committee.id());
        deputyName = d;
        deputy = api(d);
        deputyId = province.personId(d);
        String k = province.anOfficial("Đỗ Thị Văn Thư", Role.CLERK, committee.id());
        clerk = api(k);
        signers.personal(c, committee.id(), committee.name());
        signers.personal(d, committee.id(), committee.name());
        signers.organization(committee.id(), committee.name());

        department = province.aUnit("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL");
        theirClerkName = province.anOfficial("Hà Thị Văn Thư Sở", Role.CLERK, department.id());
        theirClerk = api(theirClerkName);
        theirDirector = api(province.anOfficial("Cao Văn Giám Đốc", Role.LEADER, department.id()));
        String s = province.anOfficial("Lưu Thị Chuyên Viên Sở", Role.SPECIALIST, department.id());
        theirSpecialist = api(s);
        theirSpecialistId = province.personId(s);
    }

    @Test
    void aDraftIsApprovedSignedIssuedAndItsRecipientsHandlingComesBackToTheSender() {
        String draft = aDraft("Về việc tổ chức lễ hội văn hóa năm 2027");
        assertThat(specialist.postJson(draftPath(draft, "submission"), Map.of()).get("state"))
                .isEqualTo("SUBMITTED");
        assertThat(tasks(head)).containsEntry(draft, "approve");

        assertThat(((List<?>) head.get("/api/v1/notifications").get("notices"))
                        .stream().map(n -> (String) ((Map<?, ?>) n).get("text")))
                .contains("Dự thảo chờ bạn duyệt: Về việc tổ chức lễ hội văn hóa năm 2027");
        assertThat(head.postJson(draftPath(draft, "approval"), Map.of("comment", "Đồng ý"))
                        .get("state"))
                .isEqualTo("SUBMITTED");
        String subject = "Về việc tổ chức lễ hội văn hóa năm 2027";
        assertThat(unreadNoticesAbout(head, subject))
                .as("the head's notice is done once they approved")
                .isEmpty();
        var approved = chairman.postJson(draftPath(draft, "approval"), Map.of());
        assertThat(approved.get("state")).as(approved.body()).isEqualTo("APPROVED");
        assertThat(unreadNoticesAbout(chairman, subject))
                .as("approved, the chairman's one notice is now to sign")
                .singleElement()
                .asString()
                .contains("ký");
        String documentId = (String) approved.get("documentId");
        var prepared = chairman.get("/api/v1/documents/" + documentId);
        assertThat(prepared.get("status")).isEqualTo("PREPARED");
        assertThat(prepared.get("notation")).isNull();
        assertThat(prepared.get("signerFullName")).isEqualTo("Nguyễn Văn Thắng");
        assertThat(tasks(chairman)).containsEntry(draft, "sign");

        var tooEarly = clerk.postJson(draftPath(draft, "issue"), Map.of());
        assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(409);
        assertThat(tooEarly.get("code")).isEqualTo("handling.issue.not-signed");
        var sealBeforeNumber =
                clerk.postJson("/api/v1/documents/" + documentId + "/signatures", Map.of("kind", "ORGANIZATION"));
        assertThat(sealBeforeNumber.status()).isEqualTo(409);

        var signed = chairman.postJson("/api/v1/documents/" + documentId + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        eventually(() -> tasks(clerk).containsKey(draft));
        eventually(() -> unreadNoticesAbout(chairman, subject).isEmpty());
        assertThat(unreadNoticesAbout(clerk, subject)).isNotEmpty();

        var issued = clerk.postJson(draftPath(draft, "issue"), Map.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(unreadNoticesAbout(clerk, subject))
                .as("issued: no clerk is asked to issue it any more")
                .isEmpty();
        assertThat(issued.get("state")).isEqualTo("ISSUED");
        var document = clerk.get("/api/v1/documents/" + documentId);
        assertThat(document.get("status")).isEqualTo("ISSUED");
        assertThat((String) document.get("notation")).matches("\\d{2,}/QĐ-UBND");
        assertThat(document.get("issuedDate"))
                .isEqualTo(LocalDate.now(VietnamTime.ZONE).toString());
        byte[] pdf = clerk.get("/api/v1/documents/" + documentId + "/files/" + mainFileId(document.json()))
                .bytes();
        assertThat(Poppler.pdfsig(pdf))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s).contains("Signature Validation: Signature is Valid."));

        List<?> states =
                clerk.get("/api/v1/documents/" + documentId + "/recipients").list();
        assertThat(states).singleElement().satisfies(s -> {
            assertThat(((Map<?, ?>) s).get("state")).isEqualTo("ARRIVED");
            assertThat(((Map<?, ?>) s).get("statusCode")).isEqualTo("01");
        });
        Map<?, ?> arrival = (Map<?, ?>) theirClerk.get("/api/v1/arrivals").list().stream()
                .filter(a -> documentId.equals(((Map<?, ?>) a).get("documentId")))
                .findFirst()
                .orElseThrow();
        var registered =
                theirClerk.postJson("/api/v1/arrivals/" + arrival.get("deliveryId") + "/registration", Map.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.get("notation")).isEqualTo(document.get("notation"));
        assertThat(registered.get("organName")).isEqualTo("Ủy ban nhân dân huyện Tân Yên");
        assertThat(registered.get("arrivalNumber")).isNotNull();
        assertThat(recipientCode(documentId)).isEqualTo("03");
        String copy = (String) registered.get("id");

        theirDirector.postJson(
                "/api/v1/documents/" + copy + "/handling/assignment", Map.of("leadId", theirSpecialistId));
        eventually(() -> "04".equals(recipientCode(documentId)));
        theirSpecialist.postJson("/api/v1/documents/" + copy + "/handling/progress", Map.of("note", "Đang chuẩn bị"));
        eventually(() -> "05".equals(recipientCode(documentId)));
        assertThat(unreadNoticesAbout(theirSpecialist, subject))
                .as("a progress note ends nothing")
                .isNotEmpty();
        theirSpecialist.postJson("/api/v1/documents/" + copy + "/handling/completion", Map.of("note", "Đã phối hợp"));
        eventually(() -> "06".equals(recipientCode(documentId)));
        assertThat(unreadNoticesAbout(theirSpecialist, subject))
                .as("done, the handler's notices are done")
                .isEmpty();

        List<String> timeline = clerk.get("/api/v1/documents/" + documentId + "/timeline").list().stream()
                .map(e -> (String) ((Map<?, ?>) e).get("action"))
                .toList();
        assertThat(timeline)
                .containsSubsequence(
                        "draft.created",
                        "draft.submitted",
                        "draft.approved",
                        "document.outgoing.prepared",
                        "draft.approved",
                        "signature.applied",
                        "document.outgoing.issued",
                        "signature.applied",
                        "draft.issued",
                        "document.delivered",
                        "delivery.registered");
    }

    @Test
    void aDraftsUrgencyComesBackAsItsNumberAndOneEdxmlDoesNotKnowIsRefusedInTheReadersLanguage() {
        var urgent = specialist.multipart(
                "/api/v1/drafts",
                Map.of(
                        "unitId",
                        committee.id().toString(),
                        "typeName",
                        "Công văn",
                        "subject",
                        "Về việc khắc phục hậu quả mưa lũ",
                        "priority",
                        2),
                FilePart.pdf("du-thao.pdf", SamplePdf.withText("CÔNG VĂN")),
                List.of());
        assertThat(urgent.status()).as(urgent.body()).isEqualTo(201);
        assertThat(urgent.get("priority")).isEqualTo(2);

        var unknown = specialist
                .inEnglish()
                .multipart(
                        "/api/v1/drafts",
                        Map.of(
                                "unitId",
                                committee.id().toString(),
                                "typeName",
                                "Công văn",
                                "subject",
                                "Về việc khắc phục hậu quả mưa lũ",
                                "priority",
                                5),
                        FilePart.pdf("du-thao.pdf", SamplePdf.withText("CÔNG VĂN")),
                        List.of());
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.get("code")).isEqualTo("handling.draft.priority");
        assertThat(unknown.get("detail")).isEqualTo("The urgency is not valid.");
    }

    @Test
    void aDivisionHeadOffTheRouteCannotSignForTheChairman() {
        UUID finance = province.aDivision(committee.id(), "Phòng Tài chính - Kế hoạch", "TCKH");
        String other =
                province.anOfficialOfDivision("Tạ Văn Trưởng Phòng Khác", Role.DIVISION_HEAD, committee.id(), finance);
        new TestSigners(jdbc, certificates).personal(other, committee.id(), committee.name());
        String draft = aDraft("Về việc điều chỉnh kế hoạch đầu tư công");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        head.postJson(draftPath(draft, "approval"), Map.of());
        String documentId = (String)
                chairman.postJson(draftPath(draft, "approval"), Map.of()).get("documentId");

        var offTheRoute =
                api(other).postJson("/api/v1/documents/" + documentId + "/signatures", Map.of("kind", "PERSONAL"));

        assertThat(offTheRoute.status()).as(offTheRoute.body()).isEqualTo(403);
        assertThat(offTheRoute.get("code")).isEqualTo("signing.personal.not-designated");
        assertThat((String) offTheRoute.get("detail")).contains("Nguyễn Văn Thắng");
        assertThat(jdbc.sql("select count(*) from document_file_version v join document_file f on f.id = v.file_id "
                                + "where f.document_id = ?::uuid")
                        .param(documentId)
                        .query(Long.class)
                        .single())
                .isZero();
        var notSigned = clerk.postJson(draftPath(draft, "issue"), Map.of());
        assertThat(notSigned.status()).as(notSigned.body()).isEqualTo(409);
        assertThat(notSigned.get("code")).isEqualTo("handling.issue.not-signed");
        assertThat(clerk.get("/api/v1/documents/" + documentId).get("status")).isEqualTo("PREPARED");
    }

    @Test
    void aDeputysSignatureBroughtInWithTheDraftDoesNotLetTheClerkIssueForTheChairman() {
        // The deputy signs a letter of his own; its signed PDF comes back as a draft the chairman is to sign.
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", committee.id().toString());
        metadata.put("typeName", "Công văn");
        metadata.put("subject", "Về việc rà soát hộ nghèo");
        metadata.put("signerAuthority", "KT");
        metadata.put("signerPosition", "Phó Chủ tịch");
        metadata.put("signerFullName", "Trịnh Văn Phó");
        var letter = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf(
                        "cv.pdf",
                        SamplePdf.withText("Về việc rà soát hộ nghèo", "KT. CHỦ TỊCH", "", "", "Trịnh Văn Phó")),
                List.of());
        String letterId = (String) letter.get("id");
        assertThat(deputy.postJson("/api/v1/documents/" + letterId + "/signatures", Map.of("kind", "PERSONAL"))
                        .status())
                .isEqualTo(201);
        byte[] signedByTheDeputy = clerk.get("/api/v1/documents/" + letterId + "/files/"
                        + mainFileId(clerk.get("/api/v1/documents/" + letterId).json()))
                .bytes();
        var created = specialist.multipart(
                "/api/v1/drafts",
                draftMetadata("Về việc rà soát hộ nghèo", culture),
                FilePart.pdf("du-thao.pdf", signedByTheDeputy),
                List.of());
        String draft = (String) created.get("id");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        head.postJson(draftPath(draft, "approval"), Map.of());
        String documentId = (String)
                chairman.postJson(draftPath(draft, "approval"), Map.of()).get("documentId");

        var refused = clerk.postJson(draftPath(draft, "issue"), Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("handling.issue.not-signed");
        var document = clerk.get("/api/v1/documents/" + documentId);
        assertThat(document.get("status")).isEqualTo("PREPARED");
        assertThat(document.get("notation")).isNull();
    }

    @Test
    void theChairmanAddsNoSignatureToTheIssuedAndSealedDocument() {
        String documentId = issuedToTheDepartment("Về việc tổ chức giải bóng đá");

        var refused = chairman.postJson("/api/v1/documents/" + documentId + "/signatures", Map.of("kind", "PERSONAL"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.document.sealed");
    }

    @Test
    void aReturnedDraftIsRevisedAndSubmittedAgain() {
        String draft = aDraft("Về việc kiểm tra di tích");
        specialist.postJson(draftPath(draft, "submission"), Map.of());

        var emptyReason = head.postJson(draftPath(draft, "return"), Map.of("comment", "  "));
        assertThat(emptyReason.get("code")).isEqualTo("handling.draft.comment.required");
        var returned = head.postJson(draftPath(draft, "return"), Map.of("comment", "Bổ sung kinh phí"));
        assertThat(returned.get("state")).isEqualTo("RETURNED");
        assertThat(tasks(specialist)).containsEntry(draft, "revise");

        var revised = specialist.upload(
                HttpMethod.POST,
                draftPath(draft, "versions"),
                "file",
                FilePart.pdf("du-thao-2.pdf", SamplePdf.withText("DỰ THẢO LẦN 2", "Nguyễn Văn Thắng")));
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat((List<?>) revised.get("versions")).hasSize(2);
        assertThat(specialist.postJson(draftPath(draft, "submission"), Map.of()).get("state"))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void whileTheLeaderIsAwayTheDeputySignsOnTheirBehalf() {
        var away = chairman.postJson(
                "/api/v1/units/" + committee.id() + "/leader-absences",
                Map.of(
                        "leaderId",
                        chairmanId,
                        "deputyId",
                        deputyId,
                        "firstDay",
                        LocalDate.now(VietnamTime.ZONE).toString(),
                        "lastDay",
                        LocalDate.now(VietnamTime.ZONE).plusDays(3).toString()));
        assertThat(away.status()).as(away.body()).isEqualTo(204);
        String draft = aDraft("Về việc thành lập đoàn kiểm tra");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        head.postJson(draftPath(draft, "approval"), Map.of());

        var notTheirTurn = chairman.postJson(draftPath(draft, "approval"), Map.of());
        assertThat(notTheirTurn.status()).isEqualTo(403);
        assertThat(notTheirTurn.get("code")).isEqualTo("handling.draft.not-your-turn");
        var approved = deputy.postJson(draftPath(draft, "approval"), Map.of());

        assertThat(approved.get("signerAuthority")).isEqualTo("KT");
        var prepared = deputy.get("/api/v1/documents/" + approved.get("documentId"));
        assertThat(prepared.get("signerAuthority")).isEqualTo("KT");
        assertThat(prepared.get("signerFullName")).isEqualTo("Trịnh Văn Phó");
    }

    @Test
    void withoutAServerHeldSealTheIssueIsRefusedBeforeANumberIsGivenUnlessTheClerkSealsOtherwise() {
        TestSigners signers = new TestSigners(jdbc, certificates);
        TestProvince.Unit commune = province.aUnit("Ủy ban nhân dân xã Ngọc Thiện", "UBND", "COMMUNE", "COMMUNE", null);
        String leaderName = province.anOfficial("Nguyễn Văn Thắng", Role.LEADER, commune.id());
        signers.personal(leaderName, commune.id(), commune.name());
        ApiClient leader = api(leaderName);
        ApiClient communeClerk = api(province.anOfficial("Văn Thư Xã", Role.CLERK, commune.id()));
        ApiClient drafter = api(province.anOfficial("Công Chức Văn Phòng", Role.SPECIALIST, commune.id()));
        var created = drafter.multipart(
                "/api/v1/drafts",
                Map.of("unitId", commune.id().toString(), "typeName", "Thông báo", "subject", "Về lịch tiếp công dân"),
                FilePart.pdf("tb.pdf", SamplePdf.withText("THÔNG BÁO", "CHỦ TỊCH", "", "", "Nguyễn Văn Thắng")),
                List.of());
        String draft = (String) created.get("id");
        drafter.postJson(draftPath(draft, "submission"), Map.of());
        String documentId =
                (String) leader.postJson(draftPath(draft, "approval"), Map.of()).get("documentId");
        leader.postJson("/api/v1/documents/" + documentId + "/signatures", Map.of("kind", "PERSONAL"));

        var refused = communeClerk.postJson(draftPath(draft, "issue"), Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.certificate.none-for-unit");
        assertThat(communeClerk.get("/api/v1/documents/" + documentId).get("status"))
                .isEqualTo("PREPARED");

        var issued = communeClerk.postJson(draftPath(draft, "issue"), Map.of("sealWithServerKey", false));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat((String) communeClerk.get("/api/v1/documents/" + documentId).get("notation"))
                .endsWith("/TB-UBND");
    }

    @Test
    void aRouteWithARoleNobodyHoldsIsRefusedAtSubmission() {
        UUID empty = province.aDivision(committee.id(), "Phòng Tư pháp", "TP");
        ApiClient lonely =
                api(province.anOfficialOfDivision("Chuyên Viên Tư Pháp", Role.SPECIALIST, committee.id(), empty));
        String draft = aDraftBy(lonely, empty, "Về việc phổ biến pháp luật");

        var submitted = lonely.postJson(draftPath(draft, "submission"), Map.of());

        assertThat(submitted.status()).isEqualTo(409);
        assertThat(submitted.get("code")).isEqualTo("handling.route.missing-role");
        assertThat((String) submitted.get("detail"))
                .as("the role by its name")
                .contains("vai trò Trưởng phòng")
                .doesNotContain("DIVISION_HEAD");
        assertThat((String) lonely.inEnglish()
                        .postJson(draftPath(draft, "submission"), Map.of())
                        .get("detail"))
                .contains("the role Head of division");
        assertThat(lonely.get("/api/v1/drafts/" + draft).get("state")).isEqualTo("DRAFTING");
    }

    @Test
    void aConfiguredRouteGoesThroughTheOfficeBeforeTheLeader() {
        UUID office = province.aDivision(committee.id(), "Văn phòng HĐND và UBND", "VP");
        ApiClient officeHead =
                api(province.anOfficialOfDivision("Chánh Văn Phòng", Role.DIVISION_HEAD, committee.id(), office));
        var refused = specialist.putJson(
                "/api/v1/units/" + committee.id() + "/approval-route", List.of(Map.of("role", "LEADER")));
        assertThat(refused.status()).isEqualTo(403);
        var route = chairman.putJson(
                "/api/v1/units/" + committee.id() + "/approval-route",
                List.of(
                        Map.of("role", "DIVISION_HEAD"),
                        Map.of("role", "DIVISION_HEAD", "divisionId", office),
                        Map.of("role", "LEADER")));
        assertThat(route.status()).as(route.body()).isEqualTo(200);
        String draft = aDraft("Về việc báo cáo tổng kết năm");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        head.postJson(draftPath(draft, "approval"), Map.of());

        assertThat(tasks(officeHead)).containsEntry(draft, "approve");
        assertThat(officeHead.postJson(draftPath(draft, "approval"), Map.of()).get("state"))
                .isEqualTo("SUBMITTED");
        assertThat(chairman.postJson(draftPath(draft, "approval"), Map.of()).get("state"))
                .isEqualTo("APPROVED");
    }

    @Test
    void aRevokedDocumentLeavesTheRecipientsTrayAndItsRegisteredCopyIsRevokedOnceTheirClerkAccepts() {
        String first = issuedToTheDepartment("Về việc tổ chức giải chạy");
        String second = issuedToTheDepartment("Về việc tổ chức hội thi");
        Map<?, ?> arrival = arrivalOf(second);
        String copy = (String) theirClerk
                .postJson("/api/v1/arrivals/" + arrival.get("deliveryId") + "/registration", Map.of())
                .get("id");

        var revoked = clerk.postJson("/api/v1/documents/" + first + "/revocation", Map.of("comment", "Ban hành nhầm"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.get("state")).isEqualTo("REVOKED");
        assertThat(theirClerk.get("/api/v1/arrivals").list())
                .noneMatch(a -> first.equals(((Map<?, ?>) a).get("documentId")));
        assertThat(clerk.get("/api/v1/documents/" + first).get("status")).isEqualTo("REVOKED");
        assertThat(codeAtTheDepartment(first)).isEqualTo("15");

        clerk.postJson("/api/v1/documents/" + second + "/revocation", Map.of("comment", "Thay bằng văn bản khác"));
        assertThat(codeAtTheDepartment(second)).isEqualTo("13");
        assertThat(theirClerk.get("/api/v1/documents/" + copy).get("status")).isEqualTo("REGISTERED");
        Map<?, ?> request = revocationRequestOf(second);
        assertThat(request.get("reason")).isEqualTo("Thay bằng văn bản khác");
        var accepted = theirClerk.postJson(
                "/api/v1/revocation-requests/" + request.get("deliveryId") + "/acceptance", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(codeAtTheDepartment(second)).isEqualTo("15");
        assertThat(theirClerk.get("/api/v1/documents/" + copy).get("status")).isEqualTo("REVOKED");
        var handled = theirDirector.postJson(
                "/api/v1/documents/" + copy + "/handling/assignment", Map.of("leadId", theirSpecialistId));
        assertThat(handled.status()).isEqualTo(409);
        assertThat(handled.get("code")).isEqualTo("handling.document.revoked");
        var again = clerk.postJson("/api/v1/documents/" + second + "/revocation", Map.of("comment", "Lần nữa"));
        assertThat(again.status()).isEqualTo(409);
        var answeredTwice = theirClerk.postJson(
                "/api/v1/revocation-requests/" + request.get("deliveryId") + "/acceptance", Map.of());
        assertThat(answeredTwice.get("code")).isEqualTo("handling.delivery.no-revocation-request");
    }

    @Test
    void aRecipientThatAlreadyActedOnItsCopyRefusesTheRevocationAndTheSenderSeesWhy() {
        String documentId = issuedToTheDepartment("Về việc hỗ trợ kinh phí");
        String copy = (String) theirClerk
                .postJson("/api/v1/arrivals/" + arrivalOf(documentId).get("deliveryId") + "/registration", Map.of())
                .get("id");
        clerk.postJson("/api/v1/documents/" + documentId + "/revocation", Map.of("comment", "Sai số liệu"));
        Map<?, ?> request = revocationRequestOf(documentId);

        var notTheirClerk = clerk.postJson(
                "/api/v1/revocation-requests/" + request.get("deliveryId") + "/refusal", Map.of("comment", "x"));
        assertThat(notTheirClerk.status()).isEqualTo(404);
        var refused = theirClerk.postJson(
                "/api/v1/revocation-requests/" + request.get("deliveryId") + "/refusal",
                Map.of("comment", "Đã chi kinh phí theo văn bản"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(codeAtTheDepartment(documentId)).isEqualTo("16");
        Map<?, ?> state = (Map<?, ?>) clerk.get("/api/v1/documents/" + documentId + "/recipients")
                .list()
                .get(0);
        assertThat(state.get("reason")).isEqualTo("Đã chi kinh phí theo văn bản");
        assertThat(theirClerk.get("/api/v1/documents/" + copy).get("status")).isEqualTo("REGISTERED");
        assertThat(theirClerk.get("/api/v1/revocation-requests").list()).isEmpty();
    }

    private Map<?, ?> revocationRequestOf(String documentId) {
        return (Map<?, ?>) theirClerk.get("/api/v1/revocation-requests").list().stream()
                .filter(a -> documentId.equals(((Map<?, ?>) a).get("documentId")))
                .findFirst()
                .orElseThrow();
    }

    private String codeAtTheDepartment(String documentId) {
        return (String) clerk.get("/api/v1/documents/" + documentId + "/recipients").list().stream()
                .map(s -> (Map<?, ?>) s)
                .filter(s -> department.id().toString().equals(s.get("recipientUnitId")))
                .findFirst()
                .orElseThrow()
                .get("statusCode");
    }

    @Test
    void aDocumentIssuedToReplaceAnotherRevokesTheOldOneAndAsksTheRecipientsToRevokeTheirCopies() {
        String old = issuedToTheDepartment("Về việc tổ chức hội chợ (lần 1)");
        Map<?, ?> arrival = arrivalOf(old);
        String copy = (String) theirClerk
                .postJson("/api/v1/arrivals/" + arrival.get("deliveryId") + "/registration", Map.of())
                .get("id");
        Map<String, Object> metadata = draftMetadata("Về việc tổ chức hội chợ (thay thế)", culture);
        metadata.put("replacesDocumentId", old);
        var created = specialist.multipart(
                "/api/v1/drafts",
                metadata,
                FilePart.pdf(
                        "du-thao.pdf",
                        SamplePdf.withText("QUYẾT ĐỊNH", "Thay thế", "CHỦ TỊCH", "", "", "Nguyễn Văn Thắng")),
                List.of());
        String draft = (String) created.get("id");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        head.postJson(draftPath(draft, "approval"), Map.of());
        String replacement = (String)
                chairman.postJson(draftPath(draft, "approval"), Map.of()).get("documentId");
        chairman.postJson("/api/v1/documents/" + replacement + "/signatures", Map.of("kind", "PERSONAL"));

        assertThat(clerk.postJson(draftPath(draft, "issue"), Map.of()).status()).isEqualTo(200);

        assertThat(clerk.get("/api/v1/documents/" + old).get("status")).isEqualTo("REVOKED");
        assertThat(codeAtTheDepartment(old)).isEqualTo("13");
        theirClerk.postJson(
                "/api/v1/revocation-requests/" + revocationRequestOf(old).get("deliveryId") + "/acceptance", Map.of());
        assertThat(theirClerk.get("/api/v1/documents/" + copy).get("status")).isEqualTo("REVOKED");
        assertThat(clerk.get("/api/v1/documents/" + replacement).get("status")).isEqualTo("ISSUED");
        var notIssued = specialist.multipart(
                "/api/v1/drafts",
                Map.of(
                        "unitId",
                        committee.id().toString(),
                        "typeName",
                        "Quyết định",
                        "subject",
                        "Thay thế một văn bản chưa ban hành",
                        "replacesDocumentId",
                        old),
                FilePart.pdf("du-thao.pdf", SamplePdf.withText("QUYẾT ĐỊNH")),
                List.of());
        assertThat(notIssued.get("code")).isEqualTo("handling.draft.replaces-not-issued");
    }

    @Test
    void aReplyDraftedInAWorkDossierIsFiledThereWhenIssuedBesideTheLetterItAnswers() {
        var opened = specialist.postJson(
                "/api/v1/dossiers",
                Map.of(
                        "unitId",
                        committee.id().toString(),
                        "fileNotation",
                        "12.VHTT",
                        "title",
                        "Hồ sơ tổ chức lễ hội năm 2027",
                        "maintenance",
                        "10 năm"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String dossier = (String) opened.get("id");
        Map<String, Object> metadata = draftMetadata("Về việc trả lời Sở về lễ hội", culture);
        metadata.put("dossierId", dossier);
        var created = specialist.multipart(
                "/api/v1/drafts",
                metadata,
                FilePart.pdf(
                        "du-thao.pdf",
                        SamplePdf.withText("CÔNG VĂN", "Trả lời", "CHỦ TỊCH", "", "", "Nguyễn Văn Thắng")),
                List.of());
        String draft = (String) created.get("id");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        head.postJson(draftPath(draft, "approval"), Map.of());
        String reply = (String)
                chairman.postJson(draftPath(draft, "approval"), Map.of()).get("documentId");
        chairman.postJson("/api/v1/documents/" + reply + "/signatures", Map.of("kind", "PERSONAL"));
        assertThat(clerk.postJson(draftPath(draft, "issue"), Map.of()).status()).isEqualTo(200);

        List<?> filed = (List<?>) specialist.get("/api/v1/dossiers/" + dossier).get("documents");
        assertThat(filed.stream()
                        .map(e -> (String) ((Map<?, ?>) e).get("documentId"))
                        .toList())
                .contains(reply);
        var closedDossier = specialist.multipart(
                "/api/v1/drafts",
                Map.of(
                        "unitId",
                        committee.id().toString(),
                        "typeName",
                        "Công văn",
                        "subject",
                        "Hồ sơ không có",
                        "dossierId",
                        UUID.randomUUID().toString()),
                FilePart.pdf("du-thao.pdf", SamplePdf.withText("CÔNG VĂN")),
                List.of());
        assertThat(closedDossier.get("code")).isEqualTo("handling.draft.dossier");
    }

    @Test
    void updatingTheRecipientsDeliversToTheUnitAddedAndRevokesItWhereRemoved() {
        String documentId = issuedToTheDepartment("Về việc tổ chức tuần văn hóa");
        TestProvince.Unit museum = province.aUnit("Bảo tàng tỉnh", "BT");
        ApiClient museumClerk = api(province.anOfficial("Văn Thư Bảo Tàng", Role.CLERK, museum.id()));

        var updated = clerk.postJson(
                "/api/v1/documents/" + documentId + "/recipient-changes",
                Map.of(
                        "added",
                        List.of(museum.id()),
                        "removed",
                        List.of(department.id()),
                        "reason",
                        "Gửi đúng đơn vị"));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Map<String, String> states = new HashMap<>();
        for (Object s : updated.list()) {
            states.put((String) ((Map<?, ?>) s).get("recipientName"), (String) ((Map<?, ?>) s).get("state"));
        }
        assertThat(states).containsEntry("Bảo tàng tỉnh", "ARRIVED").containsEntry(department.name(), "REVOKED");
        assertThat(museumClerk.get("/api/v1/arrivals").list()).hasSize(1);
        assertThat(theirClerk.get("/api/v1/arrivals").list())
                .noneMatch(a -> documentId.equals(((Map<?, ?>) a).get("documentId")));
        assertThat((List<?>) clerk.get("/api/v1/documents/" + documentId).get("recipients"))
                .hasSize(3);
        var notTheClerk = chairman.postJson(
                "/api/v1/documents/" + documentId + "/recipient-changes",
                Map.of("added", List.of(museum.id()), "reason", "x"));
        assertThat(notTheClerk.status()).isEqualTo(403);
    }

    @Test
    void aSecretDocumentSentToAnotherUnitArrivesThereSecretAndNotOpenToTheWholeUnit() {
        Map<String, Object> secret = new HashMap<>();
        secret.put("unitId", committee.id().toString());
        secret.put("typeName", "Công văn");
        secret.put("subject", "Về phương án bảo đảm an ninh khu vực biên giới");
        secret.put("signerPosition", "Chủ tịch");
        secret.put("signerFullName", "Nguyễn Văn Thắng");
        secret.put("confidentiality", 1);
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                secret,
                FilePart.pdf("mat.pdf", SamplePdf.withText("CÔNG VĂN MẬT")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String documentId = (String) issued.get("id");
        assertThat(clerk.postJson(
                                "/api/v1/documents/" + documentId + "/recipient-changes",
                                Map.of("added", List.of(department.id()), "reason", "Gửi Sở"))
                        .status())
                .isEqualTo(200);
        Map<?, ?> arrival = (Map<?, ?>) theirClerk.get("/api/v1/arrivals").list().stream()
                .filter(a -> documentId.equals(((Map<?, ?>) a).get("documentId")))
                .findFirst()
                .orElseThrow();

        var registered =
                theirClerk.postJson("/api/v1/arrivals/" + arrival.get("deliveryId") + "/registration", Map.of());

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.get("confidentiality")).isEqualTo(1);
        String copy = (String) registered.get("id");
        assertThat(theirClerk.get("/api/v1/documents/" + copy).status()).isEqualTo(200);
        assertThat(theirDirector.get("/api/v1/documents/" + copy).status())
                .as("a secret copy only by grant")
                .isEqualTo(404);
        assertThat(theirSpecialist
                        .get("/api/v1/documents?q=bien+gioi&unitId=" + department.id())
                        .body())
                .doesNotContain(copy);
    }

    @Test
    void theRecipientsClerkRefusesAMisaddressedDocumentAndTheSenderSeesWhy() {
        String documentId = issuedToTheDepartment("Về việc gửi nhầm");
        Map<?, ?> arrival = arrivalOf(documentId);

        var refused = theirClerk.postJson(
                "/api/v1/arrivals/" + arrival.get("deliveryId") + "/refusal",
                Map.of("comment", "Không thuộc thẩm quyền của Sở"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        Map<?, ?> state = (Map<?, ?>) clerk.get("/api/v1/documents/" + documentId + "/recipients")
                .list()
                .get(0);
        assertThat(state.get("statusCode")).isEqualTo("02");
        assertThat(state.get("reason")).isEqualTo("Không thuộc thẩm quyền của Sở");
        String registeredThenRefused = issuedToTheDepartment("Về việc vào sổ rồi mới thấy nhầm");
        String copy = (String) theirClerk
                .postJson(
                        "/api/v1/arrivals/" + arrivalOf(registeredThenRefused).get("deliveryId") + "/registration",
                        Map.of())
                .get("id");
        theirClerk.postJson(
                "/api/v1/documents/" + copy + "/handling/refusal", Map.of("reason", "Chữ ký số không hợp lệ"));
        eventually(() -> "02".equals(recipientCode(registeredThenRefused)));
        assertThat(((Map<?, ?>) clerk.get("/api/v1/documents/" + registeredThenRefused + "/recipients")
                                .list()
                                .get(0))
                        .get("reason"))
                .isEqualTo("Chữ ký số không hợp lệ");
        var twice = theirClerk.postJson("/api/v1/arrivals/" + arrival.get("deliveryId") + "/registration", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        var foreign =
                clerk.postJson("/api/v1/arrivals/" + arrival.get("deliveryId") + "/refusal", Map.of("comment", "x"));
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedAndNoDraftIsKept() {
        long before = jdbc.sql("select count(*) from draft").query(Long.class).single();
        var answer = specialist.multipart(
                "/api/v1/drafts",
                draftMetadata("Về việc khác", culture),
                new FilePart("du-thao.pdf", "không phải PDF".getBytes(), "application/pdf"),
                List.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.get("code")).isEqualTo("handling.draft.not-a-pdf");
        assertThat(jdbc.sql("select count(*) from draft").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aDraftWrittenInWordIsRenderedAsThePdfThatIsApprovedAndTheWordFileIsKeptToEdit() throws Exception {
        byte[] word = vn.congvan.SampleWord.docx(
                "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "Về việc tổ chức Hội nghị tổng kết công tác văn thư năm 2026");
        var created = specialist.multipart(
                "/api/v1/drafts",
                draftMetadata("Về việc tổ chức Hội nghị tổng kết công tác văn thư", culture),
                new FilePart(
                        "to-trinh-hoi-nghi.docx",
                        word,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                List.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String draft = (String) created.get("id");
        Map<?, ?> first = (Map<?, ?>) ((List<?>) created.get("versions")).get(0);
        assertThat(first.get("fileName")).isEqualTo("to-trinh-hoi-nghi.pdf");
        assertThat(first.get("sourceFileName")).isEqualTo("to-trinh-hoi-nghi.docx");
        assertThat(first.get("sourceSize")).isEqualTo(word.length);

        PagesAs pages = new PagesAs(context);
        var pdf = pages.download("/drafts/" + draft + "/versions/1", headName);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(SamplePdf.textOf(pdf.getContentAsByteArray()))
                .contains("Về việc tổ chức Hội nghị tổng kết công tác văn thư năm 2026");
        var source = pages.download("/drafts/" + draft + "/versions/1/source", headName);
        assertThat(source.getContentAsByteArray()).isEqualTo(word);
        assertThat(source.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(pages.page("/drafts/" + draft, headName)
                        .select("#draft a.source")
                        .attr("href"))
                .isEqualTo("/drafts/" + draft + "/versions/1/source");

        // A new version in OpenDocument, then the draft goes its way as any other.
        var second = specialist.upload(
                HttpMethod.POST,
                draftPath(draft, "versions"),
                "file",
                new FilePart(
                        "to-trinh-hoi-nghi-sua.odt",
                        vn.congvan.SampleWord.odt("Bản sửa theo ý kiến"),
                        "application/vnd.oasis.opendocument.text"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(SamplePdf.textOf(pages.download("/drafts/" + draft + "/versions/2", specialistName)
                        .getContentAsByteArray()))
                .contains("Bản sửa theo ý kiến");
        assertThat(specialist.postJson(draftPath(draft, "submission"), Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void aWordFileWithMacrosIsRefusedWithItsReasonAndNoDraftIsKept() {
        long before = jdbc.sql("select count(*) from draft").query(Long.class).single();

        var answer = specialist.multipart(
                "/api/v1/drafts",
                draftMetadata("Về việc tệp có macro", culture),
                new FilePart(
                        "to-trinh.docx", vn.congvan.SampleWord.docxWithMacros("Tờ trình"), "application/octet-stream"),
                List.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.get("code")).isEqualTo("platform.office.macros");
        assertThat((String) answer.get("detail")).contains("macro");
        assertThat(jdbc.sql("select count(*) from draft").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aDraftWhosePdfDecodesToAGigabyteIsRefusedInTheDraftersLanguageAndNoDraftIsKept() {
        long before = jdbc.sql("select count(*) from draft").query(Long.class).single();
        byte[] bomb = vn.congvan.DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(1024, false);

        var answer = specialist
                .inEnglish()
                .multipart(
                        "/api/v1/drafts",
                        draftMetadata("Về việc tệp nén", culture),
                        FilePart.pdf("du-thao.pdf", bomb),
                        List.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.get("code")).isEqualTo("platform.pdf.too-large");
        assertThat((String) answer.get("detail"))
                .contains("too large when decoded")
                .contains("256 MB");
        assertThat(jdbc.sql("select count(*) from draft").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void theClerksOneTrayHoldsWhatCameFromTheProvinceAndOverTheAxisEachMarkedAndItsNoticeEndsOnceRegistered()
            throws Exception {
        String subject = "Về việc tổ chức ngày hội đọc sách";
        String documentId = issuedToTheDepartment(subject);
        String deliveryId = (String) arrivalOf(documentId).get("deliveryId");
        byte[] edxml = java.nio.file.Files.readAllBytes(
                vn.congvan.exchange.edxml.Conformance.edxml().resolve("third-party-edoc_new.edxml"));
        var imported = theirClerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml",
                "file",
                new ApiClient.FilePart("new.edxml", edxml, "application/xml"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        String overTheAxis = (String) imported.get("id");
        assertThat(unreadNoticeLinks(theirClerk))
                .as("each arrival is announced with the way to it")
                .contains("/arrivals#" + deliveryId, "/arrivals#" + overTheAxis);

        PagesAs pages = new PagesAs(context);
        var tray = pages.page("/arrivals", theirClerkName);
        assertThat(tray.select(".tabs a").eachText())
                .containsExactly("Tất cả (2)", "Trong tỉnh (1)", "Trục liên thông (1)");
        var fromTheProvince = tray.selectFirst(".arrival[data-source=installation]");
        assertThat(fromTheProvince.id()).isEqualTo(deliveryId);
        assertThat(fromTheProvince.select(".badge.source").text()).isEqualTo("Trong tỉnh");
        assertThat(fromTheProvince.text()).contains(subject, "Ủy ban nhân dân huyện Tân Yên");
        assertThat(fromTheProvince.select("form.register-form").attr("action"))
                .isEqualTo("/arrivals/" + deliveryId + "/register");
        var fromTheAxis = tray.selectFirst(".arrival[data-source=axis]");
        assertThat(fromTheAxis.id()).isEqualTo(overTheAxis);
        assertThat(fromTheAxis.select(".badge.source").text()).isEqualTo("Trục liên thông");
        assertThat(fromTheAxis.select(".arrival-warning").eachText()).anyMatch(w -> w.contains("000.00.01.A53"));
        assertThat(tray.text()).doesNotContain("??");
        assertThat(pages.page("/arrivals?source=axis", theirClerkName)
                        .select(".arrival")
                        .eachAttr("id"))
                .containsExactly(overTheAxis);
        assertThat(pages.page("/", theirClerkName)
                        .select("a.tile[href='/arrivals'] .count")
                        .text())
                .isEqualTo("2");
        var home = pages.page("/", theirClerkName);
        assertThat(home.select("#first-arrivals .arrival").eachAttr("data-source"))
                .as("the first arrivals wait on the clerk's home page, registered there in one click")
                .containsExactlyInAnyOrder("installation", "axis");
        assertThat(home.select("#first-arrivals form.register-form").eachAttr("action"))
                .contains("/arrivals/" + deliveryId + "/register");
        assertThat(home.select("#first-arrivals form.refuse-form"))
                .as("a refusal asks its reason: in the tray, one link away")
                .isEmpty();
        assertThat(home.select("#first-arrivals a[href='/arrivals#" + deliveryId + "']"))
                .hasSize(1);
        assertThat(home.select(".arrival-warning").eachText()).anyMatch(w -> w.contains("000.00.01.A53"));
        assertThat(pages.download("/exchange/arrivals", theirClerkName).getRedirectedUrl())
                .as("the axis's old address is its tab")
                .isEqualTo("/arrivals?source=axis");

        var registered = pages.post("/arrivals/" + deliveryId + "/register", theirClerkName, Map.of());
        assertThat(registered.redirectedTo()).startsWith("/documents/");
        assertThat(unreadNoticeLinks(theirClerk))
                .as("registered, its notice is done; the other one still waits")
                .doesNotContain("/arrivals#" + deliveryId)
                .contains("/arrivals#" + overTheAxis);
        var refused = pages.post(
                "/exchange/arrivals/" + overTheAxis + "/refuse", theirClerkName, Map.of("reason", "Gửi nhầm nơi nhận"));
        assertThat(refused.redirectedTo()).isEqualTo("/arrivals");
        assertThat(unreadNoticeLinks(theirClerk)).doesNotContain("/arrivals#" + overTheAxis);
        assertThat(pages.page("/arrivals", theirClerkName).select(".arrival")).isEmpty();
    }

    @Test
    void aDraftIsAddressedFromThePickersGroupsAnAgencyOutsideTheProvinceByItsCodeAndAnUnknownCodeIsRefused()
            throws Exception {
        String ministry = "000.00.00.G" + (System.nanoTime() % 90 + 10);
        jdbc.sql("insert into axis_agency (organ_id, name, system_id, synced_at) values (?, 'Bộ Tư pháp', 'other',"
                        + " now()) on conflict (organ_id) do nothing")
                .param(ministry)
                .update();
        try {
            PagesAs pages = new PagesAs(context);
            var form = pages.page("/drafts/new", specialistName);
            assertThat(form.select("#recipients .picker-group").eachAttr("data-group"))
                    .contains("PROVINCE", "OUTSIDE");
            assertThat(form.select(".picker-group[data-group$=PROVINCE] input[name=recipientIds][value="
                            + department.id() + "]"))
                    .hasSize(1);
            assertThat(form.select(".picker-group[data-group$=OUTSIDE] label:has(input[name=outsideOrganIds][value="
                                    + ministry + "])")
                            .text())
                    .isEqualTo("Bộ Tư pháp");
            assertThat(form.select("#recipients .picker-count").text()).isEqualTo("Chưa chọn nơi nhận");

            Map<String, String> fields = new HashMap<>(Map.of(
                    "unitId",
                    committee.id().toString(),
                    "typeName",
                    "CONG_VAN",
                    "subject",
                    "Về việc phối hợp phổ biến pháp luật",
                    "divisionId",
                    culture.toString(),
                    "recipientIds",
                    department.id().toString(),
                    "outsideOrganIds",
                    ministry));
            fields.put(
                    "fileUploadId",
                    specialist
                            .uploaded(FilePart.pdf("du-thao.pdf", SamplePdf.withText("CÔNG VĂN")))
                            .toString());
            var created = pages.post("/drafts", specialistName, fields);
            assertThat(created.redirectedTo()).startsWith("/drafts/");
            String draftId = created.redirectedTo().substring("/drafts/".length());
            assertThat(jdbc.sql("select coalesce(organ_id, unit_id::text) || ' ' || organ_name from draft_recipient"
                                    + " where draft_id = ?::uuid order by position")
                            .param(draftId)
                            .query(String.class)
                            .list())
                    .containsExactly(department.id() + " " + department.name(), ministry + " Bộ Tư pháp");

            long before =
                    jdbc.sql("select count(*) from draft").query(Long.class).single();
            fields.put(
                    "fileUploadId",
                    specialist
                            .uploaded(FilePart.pdf("du-thao.pdf", SamplePdf.withText("CÔNG VĂN")))
                            .toString());
            fields.put("outsideOrganIds", "000.00.00.Z99");
            var refused = pages.post("/drafts", specialistName, fields);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(jdbc.sql("select count(*) from draft").query(Long.class).single())
                    .isEqualTo(before);
        } finally {
            jdbc.sql("delete from axis_agency where organ_id = ?")
                    .param(ministry)
                    .update();
        }
    }

    private static List<String> unreadNoticeLinks(ApiClient official) {
        return ((List<?>) official.get("/api/v1/notifications").get("notices"))
                .stream()
                        .map(n -> (Map<?, ?>) n)
                        .filter(n -> Boolean.FALSE.equals(n.get("read")))
                        .map(n -> (String) n.get("link"))
                        .toList();
    }

    private String issuedToTheDepartment(String subject) {
        String draft = aDraft(subject);
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        head.postJson(draftPath(draft, "approval"), Map.of());
        String documentId = (String)
                chairman.postJson(draftPath(draft, "approval"), Map.of()).get("documentId");
        chairman.postJson("/api/v1/documents/" + documentId + "/signatures", Map.of("kind", "PERSONAL"));
        var issued = clerk.postJson(draftPath(draft, "issue"), Map.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return documentId;
    }

    private Map<?, ?> arrivalOf(String documentId) {
        return (Map<?, ?>) theirClerk.get("/api/v1/arrivals").list().stream()
                .filter(a -> documentId.equals(((Map<?, ?>) a).get("documentId")))
                .findFirst()
                .orElseThrow();
    }

    private String recipientCode(String documentId) {
        return (String) ((Map<?, ?>) clerk.get("/api/v1/documents/" + documentId + "/recipients")
                        .list()
                        .get(0))
                .get("statusCode");
    }

    @Test
    void theLastApproverApprovesAndSignsFromTheDraftPageInOneStepWithOneQuestion() throws Exception {
        String subject = "Về việc phát động phong trào thi đua năm 2027";
        String draft = aDraft(subject);
        PagesAs pages = new PagesAs(context);
        assertThat(pages.page("/drafts/" + draft, specialistName).select("#planned-route li"))
                .as("before submitting, the drafter sees who will approve, in order")
                .extracting(li -> li.text())
                .containsExactly("Mai Văn Trưởng Phòng Trưởng phòng", "Nguyễn Văn Thắng Lãnh đạo đơn vị");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        assertThat(pages.page("/drafts/" + draft, specialistName).select("#planned-route"))
                .as("submitted, the route itself is shown")
                .isEmpty();
        assertThat(pages.page("/drafts/" + draft, headName).select("#approve-and-sign"))
                .as("the division head is not the last step: approving only")
                .isEmpty();
        assertThat(head.postJson(draftPath(draft, "approval"), Map.of()).get("state"))
                .isEqualTo("SUBMITTED");

        // His home counts it, and the tile opens his work narrowed to what it counts.
        var tile = pages.page("/", chairmanName).select("a.tile").stream()
                .filter(t -> t.text().contains("Dự thảo chờ tôi duyệt"))
                .findFirst()
                .orElseThrow();
        assertThat(tile.selectFirst(".count").text()).isEqualTo("1");
        assertThat(tile.attr("href")).isEqualTo("/my-work?show=approve");
        var narrowed = pages.page(tile.attr("href"), chairmanName);
        assertThat(narrowed.select(".work-item"))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.attr("data-task")).isEqualTo("approve"));
        assertThat(narrowed.select("#work-filter")).hasSize(1);
        assertThat(pages.page("/", headName).select("a.tile").text())
                .as("the head has nothing left to approve")
                .contains("0 Dự thảo chờ tôi duyệt");

        var page = pages.page("/drafts/" + draft, chairmanName);
        assertThat(page.select("#approve-and-sign").attr("formaction"))
                .isEqualTo("/drafts/" + draft + "/approve-and-sign");
        assertThat(page.select("#approve-and-sign").attr("data-confirm")).contains("ký số cá nhân");
        assertThat(page.select("#approve").text()).isEqualTo("Duyệt");
        PagesAs.Posted byTheDeputy =
                pages.post("/drafts/" + draft + "/approve-and-sign", deputyName, Map.of("comment", "Đồng ý"));
        assertThat(byTheDeputy.flash()).containsKey("stepProblem");
        assertThat(chairman.get("/api/v1/drafts/" + draft).get("state"))
                .as("refused: nothing changed")
                .isEqualTo("SUBMITTED");

        PagesAs.Posted posted = pages.post(
                "/drafts/" + draft + "/approve-and-sign", chairmanName, Map.of("comment", "Đồng ý ban hành"));

        var approved = chairman.get("/api/v1/drafts/" + draft);
        assertThat(approved.get("state")).isEqualTo("APPROVED");
        String documentId = (String) approved.get("documentId");
        assertThat(posted.redirectedTo()).isEqualTo("/documents/" + documentId + "#signing");
        assertThat(posted.flash())
                .containsEntry(
                        "stepDoneMessage", "Đã duyệt và ký số. Văn thư được báo để cấp số, đóng dấu và phát hành.");
        var document = chairman.get("/api/v1/documents/" + documentId);
        byte[] pdf = chairman.get("/api/v1/documents/" + documentId + "/files/" + mainFileId(document.json()))
                .bytes();
        assertThat(Poppler.pdfsig(pdf))
                .singleElement()
                .asString()
                .contains("Signature Validation: Signature is Valid.")
                .contains("Nguyễn Văn Thắng");
        eventually(() -> tasks(clerk).containsKey(draft));
        eventually(() -> unreadNoticesAbout(chairman, subject).isEmpty());
        assertThat(pages.page("/drafts/" + draft, chairmanName).select("#approve-form"))
                .as("nothing is left to approve")
                .isEmpty();
        assertThat(pages.page("/documents/" + documentId, chairmanName)
                        .select("table.list:has(th:contains(Thao tác)) tr:contains(Thêm phiên bản tệp)")
                        .text())
                .as("the new version's reason in words, not its code")
                .contains("ký số cá nhân")
                .doesNotContain("signature.personal");
    }

    @Test
    void aLastApproverWhoseKeyTheServerDoesNotHoldIsOfferedToApproveOnly() throws Exception {
        String draft = aDraft("Về việc kiểm tra công tác văn thư năm 2027");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        head.postJson(draftPath(draft, "approval"), Map.of());
        jdbc.sql("delete from signing_certificate where person_id = ?")
                .param(chairmanId)
                .update();

        var page = new PagesAs(context).page("/drafts/" + draft, chairmanName);

        assertThat(page.select("#approve-and-sign")).isEmpty();
        assertThat(page.select("#approve.primary")).hasSize(1);
    }

    @Test
    void anApproverWritesOneOpinionThatGoesWithTheApprovalOrIsTheReasonForAReturn() throws Exception {
        String draft = aDraft("Về việc tổ chức hội nghị tổng kết năm 2026");
        specialist.postJson(draftPath(draft, "submission"), Map.of());
        PagesAs pages = new PagesAs(context);

        var page = pages.page("/drafts/" + draft, headName);
        assertThat(page.select("#approve-form textarea[name=comment]")).hasSize(1);
        assertThat(page.select("#draft input[name=comment], #draft textarea[name=comment]"))
                .as("one opinion field on the approver's page, not one per button")
                .hasSize(1);
        assertThat(page.select("#return-draft").attr("formaction")).isEqualTo("/drafts/" + draft + "/return");
        assertThat(pages.page("/drafts/" + draft, specialistName).select("#comment-form"))
                .as("the others of the unit still comment")
                .hasSize(1);

        PagesAs.Posted blank = pages.post("/drafts/" + draft + "/return", headName, Map.of("comment", " "));
        assertThat(blank.flash()).containsEntry("stepProblem", "Hãy ghi ý kiến hoặc lý do.");
        assertThat(head.get("/api/v1/drafts/" + draft).get("state")).isEqualTo("SUBMITTED");

        pages.post("/drafts/" + draft + "/return", headName, Map.of("comment", "Bổ sung thành phần dự họp"));
        assertThat(head.get("/api/v1/drafts/" + draft).get("state")).isEqualTo("RETURNED");
    }

    private String aDraft(String subject) {
        return aDraftBy(specialist, culture, subject);
    }

    private String aDraftBy(ApiClient drafter, UUID division, String subject) {
        var created = drafter.multipart(
                "/api/v1/drafts",
                draftMetadata(subject, division),
                FilePart.pdf(
                        "du-thao.pdf",
                        SamplePdf.withText(
                                "QUYẾT ĐỊNH",
                                subject,
                                "",
                                "TM. ỦY BAN NHÂN DÂN",
                                "CHỦ TỊCH",
                                "",
                                "",
                                "",
                                "Nguyễn Văn Thắng")),
                List.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.get("state")).isEqualTo("DRAFTING");
        return (String) created.get("id");
    }

    private Map<String, Object> draftMetadata(String subject, UUID division) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", committee.id().toString());
        m.put("typeName", "Quyết định");
        m.put("subject", subject);
        m.put("divisionId", division.toString());
        m.put(
                "recipients",
                List.of(
                        Map.of("unitId", department.id().toString()),
                        Map.of("organName", "Bộ Văn hóa, Thể thao và Du lịch")));
        return m;
    }

    private Map<String, String> tasks(ApiClient official) {
        Map<String, String> tasks = new HashMap<>();
        for (Object item : official.get("/api/v1/my-work").list()) {
            Map<?, ?> i = (Map<?, ?>) item;
            Object key = i.get("draftId") != null ? i.get("draftId") : i.get("documentId");
            tasks.put(String.valueOf(key), (String) i.get("task"));
        }
        return tasks;
    }

    private ApiClient api(String username) {
        return new ApiClient(port, province.tokenFor(username));
    }

    private static String draftPath(String draft, String step) {
        return "/api/v1/drafts/" + draft + "/" + step;
    }

    private static String mainFileId(Map<String, Object> document) {
        return (String) ((List<?>) document.get("files"))
                .stream()
                        .map(f -> (Map<?, ?>) f)
                        .filter(f -> "MAIN".equals(f.get("role")))
                        .findFirst()
                        .orElseThrow()
                        .get("id");
    }

    /** The texts of the official's unread notices that name the subject. */
    static List<String> unreadNoticesAbout(ApiClient official, String subject) {
        return ((List<?>) official.get("/api/v1/notifications").get("notices"))
                .stream()
                        .map(n -> (Map<?, ?>) n)
                        .filter(n -> Boolean.FALSE.equals(n.get("read")))
                        .map(n -> (String) n.get("text"))
                        .filter(text -> text.contains(subject))
                        .toList();
    }

    static void eventually(BooleanSupplier condition) {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
