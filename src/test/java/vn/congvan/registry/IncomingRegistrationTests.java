package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

@CongVanTest
class IncomingRegistrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestProvince province;
    TestProvince.Unit department;
    ApiClient clerk;

    @BeforeEach
    void aDepartmentWithAClerk() {
        province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Xây dựng", "SXD");
        clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Nguyễn Thị Văn Thư", Role.CLERK, department.id())));
    }

    Map<String, Object> decisionOfTheCommittee(String number) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", department.id().toString());
        m.put("typeName", "Quyết định");
        m.put("codeNumber", number);
        m.put("codeNotation", "QĐ-UBND");
        m.put("issuedDate", LocalDate.now().minusDays(2).toString());
        m.put("organId", "000.00.00.H10");
        m.put("organName", "Ủy ban nhân dân tỉnh Bắc Giang");
        m.put("subject", "Về việc phê duyệt quy hoạch xây dựng vùng huyện Việt Yên");
        m.put("signerPosition", "Chủ tịch");
        m.put("signerFullName", "Nguyễn Văn Gương");
        m.put("priority", 1);
        return m;
    }

    FilePart aDecisionPdf() {
        return FilePart.pdf("quyet-dinh.pdf", SamplePdf.withPages(2, "QUYẾT ĐỊNH", "Về việc phê duyệt quy hoạch"));
    }

    @Test
    void aClerkRegistersAnArrivingDecisionAndGetsAnArrivalNumber() {
        var answer = clerk.multipart(
                "/api/v1/documents/incoming",
                decisionOfTheCommittee("15"),
                aDecisionPdf(),
                List.of(new FilePart("phu-luc.docx", "phụ lục".getBytes(), "application/octet-stream")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.get("arrivalNumber")).isEqualTo(1);
        assertThat(answer.get("notation")).isEqualTo("15/QĐ-UBND");
        assertThat(answer.get("pageAmount")).isEqualTo(2);
        assertThat(answer.get("typeName")).isEqualTo("Quyết định");
        assertThat((List<?>) answer.get("files")).hasSize(2);

        var second =
                clerk.multipart("/api/v1/documents/incoming", decisionOfTheCommittee("16"), aDecisionPdf(), List.of());
        assertThat(second.get("arrivalNumber")).isEqualTo(2);
    }

    @Test
    void theRegisteredFileComesBackByteForByte() {
        FilePart pdf = aDecisionPdf();
        var registered = clerk.multipart("/api/v1/documents/incoming", decisionOfTheCommittee("20"), pdf, List.of());
        String id = (String) registered.get("id");
        Map<?, ?> file = (Map<?, ?>) ((List<?>) registered.get("files")).get(0);

        var download = clerk.get("/api/v1/documents/" + id + "/files/" + file.get("id"));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(pdf.content());
    }

    @Test
    void theSameNumberNotationAndIssuerIsFlaggedAsADuplicateUntilConfirmed() {
        clerk.multipart("/api/v1/documents/incoming", decisionOfTheCommittee("31"), aDecisionPdf(), List.of());

        var again = clerk.inEnglish()
                .multipart("/api/v1/documents/incoming", decisionOfTheCommittee("31"), aDecisionPdf(), List.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("registry.duplicate");
        assertThat((String) again.get("detail")).contains("31/QĐ-UBND");

        Map<String, Object> confirmed = decisionOfTheCommittee("31");
        confirmed.put("confirmDuplicate", true);
        var registered = clerk.multipart("/api/v1/documents/incoming", confirmed, aDecisionPdf(), List.of());
        assertThat(registered.status()).isEqualTo(201);
    }

    @Test
    void theSameEdxmlDocumentIdIsFlaggedAsADuplicate() {
        Map<String, Object> first = decisionOfTheCommittee("40");
        first.put("documentId", "000.00.00.H10,2026/11/20,40/QĐ-UBND");
        clerk.multipart("/api/v1/documents/incoming", first, aDecisionPdf(), List.of());

        Map<String, Object> sameId = decisionOfTheCommittee("41");
        sameId.put("documentId", "000.00.00.H10,2026/11/20,40/QĐ-UBND");
        var again = clerk.multipart("/api/v1/documents/incoming", sameId, aDecisionPdf(), List.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("registry.duplicate");
    }

    @Test
    void aDoubleClickWithTheSameIdempotencyKeyRegistersOnce() {
        String key = UUID.randomUUID().toString();
        // A second click sends the very same bytes (a new sample PDF would differ: its font subset is named at random).
        FilePart pdf = aDecisionPdf();
        var first = clerk.multipart("/api/v1/documents/incoming", decisionOfTheCommittee("50"), pdf, List.of(), key);
        var second = clerk.multipart("/api/v1/documents/incoming", decisionOfTheCommittee("50"), pdf, List.of(), key);

        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(department.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSameSubmissionSentTwiceAtTheSameMomentRegistersOneDocument() throws Exception {
        String key = UUID.randomUUID().toString();
        FilePart pdf = aDecisionPdf();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<ApiClient.Answer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return clerk.multipart("/api/v1/documents/incoming", decisionOfTheCommittee("55"), pdf, List.of(), key);
            }));
        }
        start.countDown();
        var first = answers.get(0).get();
        var second = answers.get(1).get();
        pool.shutdown();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(countDocuments()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedInTheReadersLanguageAndNothingIsWritten() {
        var refused = clerk.inEnglish()
                .multipart(
                        "/api/v1/documents/incoming",
                        decisionOfTheCommittee("60"),
                        new FilePart("virus.pdf", "MZ not a pdf at all".getBytes(), "application/pdf"),
                        List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("registry.file.not-pdf").contains("is not a valid PDF");
        assertThat(countDocuments()).isZero();
        assertThat(jdbc.sql("select count(*) from register_counter c join register r on r.id = c.register_id "
                                + "where r.unit_id = ?")
                        .param(department.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTruncatedPdfIsRefused() {
        byte[] pdf = SamplePdf.withText("QUYẾT ĐỊNH");
        byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        var refused = clerk.multipart(
                "/api/v1/documents/incoming",
                decisionOfTheCommittee("61"),
                FilePart.pdf("cut.pdf", truncated),
                List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("registry.file.not-pdf").contains("không phải là tệp PDF hợp lệ");
    }

    @Test
    void anEmptyFileIsRefused() {
        var refused = clerk.multipart(
                "/api/v1/documents/incoming",
                decisionOfTheCommittee("62"),
                FilePart.pdf("empty.pdf", new byte[0]),
                List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("registry.file.empty");
        assertThat(countDocuments()).isZero();
    }

    @Test
    void metadataLongerThanTheDecreeAllowsIsRefusedFieldByField() {
        Map<String, Object> tooLong = decisionOfTheCommittee("63");
        tooLong.put("subject", "x".repeat(501));
        tooLong.put("codeNotation", "Q".repeat(31));

        var refused = clerk.inEnglish().multipart("/api/v1/documents/incoming", tooLong, aDecisionPdf(), List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("\"field\":\"subject\"")
                .contains("Longer than the 500 characters allowed")
                .contains("\"field\":\"codeNotation\"");
        assertThat(countDocuments()).isZero();
    }

    @Test
    void aDocumentDatedInTheFutureIsRefused() {
        Map<String, Object> future = decisionOfTheCommittee("64");
        future.put("issuedDate", LocalDate.now().plusDays(3).toString());

        var refused = clerk.multipart("/api/v1/documents/incoming", future, aDecisionPdf(), List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("registry.date.future").contains("issuedDate");
    }

    @Test
    void anUnknownUnitIsRefused() {
        Map<String, Object> unknown = decisionOfTheCommittee("65");
        unknown.put("unitId", UUID.randomUUID().toString());

        var refused = clerk.multipart("/api/v1/documents/incoming", unknown, aDecisionPdf(), List.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.get("code")).isEqualTo("registry.unit.unknown");
    }

    @Test
    void malformedMetadataIsRefused() {
        var refused = clerk.multipart(
                "/api/v1/documents/incoming", Map.of("unitId", "not-a-uuid"), aDecisionPdf(), List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("registry.metadata.unreadable");
    }

    @Test
    void aPathInTheFileNameIsNeverUsedAsAPath() {
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                decisionOfTheCommittee("66"),
                FilePart.pdf("../../../etc/passwd.pdf", SamplePdf.withText("QUYẾT ĐỊNH")),
                List.of());

        assertThat(registered.status()).isEqualTo(201);
        Map<?, ?> file = (Map<?, ?>) ((List<?>) registered.get("files")).get(0);
        assertThat(file.get("fileName")).isEqualTo("passwd.pdf");
    }

    @Test
    void aClerkOfAnotherUnitCanNeitherRegisterForNorReadThisUnitsDocuments() {
        var registered =
                clerk.multipart("/api/v1/documents/incoming", decisionOfTheCommittee("67"), aDecisionPdf(), List.of());
        TestProvince.Unit other = province.aUnit("Sở Y tế", "SYT");
        ApiClient stranger =
                new ApiClient(port, province.tokenFor(province.anOfficial("Trần Văn Khác", Role.CLERK, other.id())));

        assertThat(stranger.get("/api/v1/documents/" + registered.get("id")).status())
                .isEqualTo(404);
        var refused = stranger.multipart(
                "/api/v1/documents/incoming", decisionOfTheCommittee("68"), aDecisionPdf(), List.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("registry.clerk-only");
    }

    @Test
    void aSpecialistOfTheUnitReadsButDoesNotRegister() {
        var registered =
                clerk.multipart("/api/v1/documents/incoming", decisionOfTheCommittee("69"), aDecisionPdf(), List.of());
        ApiClient specialist = new ApiClient(
                port, province.tokenFor(province.anOfficial("Lê Chuyên Viên", Role.SPECIALIST, department.id())));

        assertThat(specialist.get("/api/v1/documents/" + registered.get("id")).status())
                .isEqualTo(200);
        assertThat(specialist
                        .multipart(
                                "/api/v1/documents/incoming", decisionOfTheCommittee("70"), aDecisionPdf(), List.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aSecretDocumentIsReadOnlyByExplicitGrant() {
        Map<String, Object> secret = decisionOfTheCommittee("71");
        secret.put("confidentiality", 1);
        var registered = clerk.multipart("/api/v1/documents/incoming", secret, aDecisionPdf(), List.of());
        ApiClient leader = new ApiClient(
                port, province.tokenFor(province.anOfficial("Phạm Giám Đốc", Role.LEADER, department.id())));

        assertThat(clerk.get("/api/v1/documents/" + registered.get("id")).status())
                .isEqualTo(200);
        assertThat(leader.get("/api/v1/documents/" + registered.get("id")).status())
                .isEqualTo(404);
        assertThat(leader.get("/api/v1/documents?q=quy+hoach&unitId=" + department.id())
                        .body())
                .doesNotContain((String) registered.get("id"));
    }

    @Test
    void theClerkLetsTheLeaderReadASecretDocumentAndTheGrantIsAudited() {
        Map<String, Object> secret = decisionOfTheCommittee("72");
        secret.put("confidentiality", 2);
        String id = (String) clerk.multipart("/api/v1/documents/incoming", secret, aDecisionPdf(), List.of())
                .get("id");
        String leaderName = province.anOfficial("Vương Giám Đốc", Role.LEADER, department.id());
        ApiClient leader = new ApiClient(port, province.tokenFor(leaderName));
        String leaderId = jdbc.sql("select id::text from person where username = ?")
                .param(leaderName)
                .query(String.class)
                .single();

        assertThat(leader.postJson("/api/v1/documents/" + id + "/grants", Map.of("personId", leaderId))
                        .status())
                .as("the leader cannot grant what they cannot read")
                .isEqualTo(404);
        assertThat(clerk.postJson("/api/v1/documents/" + id + "/grants", Map.of("personId", leaderId))
                        .status())
                .isEqualTo(204);

        assertThat(leader.get("/api/v1/documents/" + id).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where subject_id = ? and action = "
                                + "'document.access.granted'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long countDocuments() {
        return jdbc.sql("select count(*) from document where unit_id = ?")
                .param(department.id())
                .query(Long.class)
                .single();
    }
}
