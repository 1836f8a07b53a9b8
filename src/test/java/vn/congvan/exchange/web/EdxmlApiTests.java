package vn.congvan.exchange.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.congvan.exchange.edxml.BusinessDocType;
import vn.congvan.exchange.edxml.DocumentCode;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.EdxmlPackages;
import vn.congvan.exchange.edxml.EdxmlStatus;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.exchange.edxml.ResponseFor;
import vn.congvan.shared.Role;

/** An issued document leaves as an edXML package the reader gives back field for field, and enters another unit as an incoming document. */
@CongVanTest
class EdxmlApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Edxml edxml;

    @Test
    void anIssuedDecisionIsExportedWithItsMetadataRecipientsAndFiles() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit committee = province.aUnit("Ủy ban nhân dân huyện Yên Dũng", "UBND");
        TestProvince.Unit department = province.aUnit("Sở Tài chính", "STC");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Yên Dũng", Role.CLERK, committee.id())));
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", committee.id().toString());
        m.put("typeName", "Quyết định");
        m.put("subject", "Về việc phân bổ kinh phí năm 2027");
        m.put("signerAuthority", "KT");
        m.put("signerPosition", "Phó Chủ tịch");
        m.put("signerFullName", "Trần Văn Phó");
        m.put("priority", 1);
        m.put("recipients", List.of(Map.of("unitId", department.id().toString())));
        byte[] pdf = SamplePdf.withText("QUYẾT ĐỊNH", "Về việc phân bổ kinh phí năm 2027");
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                m,
                FilePart.pdf("quyet-dinh.pdf", pdf),
                List.of(new FilePart("phu-luc.pdf", SamplePdf.withText("PHỤ LỤC"), "application/pdf")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);

        var exported = clerk.get("/api/v1/documents/" + issued.get("id") + "/edxml");

        assertThat(exported.status()).isEqualTo(200);
        try (EdxmlPackage read = edxml.read(new ByteArrayInputStream(exported.bytes()))) {
            var header = read.document().header();
            assertThat(header.documentId()).isEqualTo(issued.get("documentId"));
            assertThat(header.code().toString()).isEqualTo(issued.get("notation"));
            assertThat(header.from().organName()).isEqualTo("Ủy ban nhân dân huyện Yên Dũng");
            assertThat(header.to())
                    .singleElement()
                    .satisfies(t -> assertThat(t.organName()).isEqualTo("Sở Tài chính"));
            assertThat(header.subject()).isEqualTo("Về việc phân bổ kinh phí năm 2027");
            assertThat(header.documentType().typeName()).isEqualTo("Quyết định");
            assertThat(header.signerInfo().competence()).isEqualTo("KT.");
            assertThat(header.signerInfo().fullName()).isEqualTo("Trần Văn Phó");
            assertThat(header.otherInfo().priority()).isEqualTo(1);
            assertThat(read.document().business().docType()).isEqualTo(BusinessDocType.NEW);
            assertThat(read.attachments()).hasSize(2);
            try (var in = read.attachments().get(0).open()) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
            assertThat(read.attachments().get(1).name().toString()).isEqualTo("phu-luc.pdf");
        }

        ApiClient theirClerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Sở Tài Chính", Role.CLERK, department.id())));
        FilePart edxmlFile = new FilePart("goi.edxml", exported.bytes(), "application/xml");
        var imported = theirClerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml",
                "file",
                edxmlFile);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.get("notation")).isEqualTo(issued.get("notation"));
        assertThat(imported.get("organName")).isEqualTo("Ủy ban nhân dân huyện Yên Dũng");
        assertThat(imported.get("documentId")).isEqualTo(issued.get("documentId"));
        assertThat(imported.get("arrivalNumber")).isNotNull();
        assertThat((List<?>) imported.get("files")).hasSize(2);
        var again = theirClerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml",
                "file",
                edxmlFile);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("registry.duplicate");
        var notTheirs = clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml",
                "file",
                edxmlFile);
        assertThat(notTheirs.status()).isEqualTo(403);
    }

    /** What a registered document holds that is the receiving unit's own, not the sender's: never carried over. */
    private static final java.util.Set<String> THE_RECEIVERS_OWN = java.util.Set.of(
            "id",
            "direction",
            "status",
            "unitId",
            "unitName",
            "registerId",
            "arrivalDate",
            "arrivalNumber",
            "draftingDivisionId",
            "createdBy",
            "createdAt",
            "files",
            "recipients");

    @Test
    void competencePromulgationAmountAndToPlacesSurviveARoundTrip() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit committee = province.aUnit("Ủy ban nhân dân huyện Lục Nam", "UBND");
        TestProvince.Unit department = province.aUnit("Sở Kế hoạch và Đầu tư", "SKHĐT");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Lục Nam", Role.CLERK, committee.id())));
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", committee.id().toString());
        m.put("typeName", "Quyết định");
        m.put("subject", "Về việc giao chỉ tiêu kế hoạch năm 2027");
        m.put("signerAuthority", "TM");
        m.put("signerPosition", "Chủ tịch");
        m.put("signerFullName", "Hoàng Văn Chủ");
        m.put("priority", 2);
        m.put(
                "dueDate",
                java.time.LocalDate.now(vn.congvan.shared.VietnamTime.ZONE)
                        .plusDays(20)
                        .toString());
        m.put("toPlaces", "Như Điều 3\nChủ tịch, các PCT UBND huyện\nLưu: VT, TH");
        m.put("pageAmount", 1);
        m.put("issuedAmount", 12);
        m.put("paper", true);
        m.put("recipients", List.of(Map.of("unitId", department.id().toString())));
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                m,
                FilePart.pdf("quyet-dinh.pdf", SamplePdf.withText("QUYẾT ĐỊNH", "Giao chỉ tiêu")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        byte[] exported =
                clerk.get("/api/v1/documents/" + issued.get("id") + "/edxml").bytes();

        ApiClient theirClerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Sở KHĐT", Role.CLERK, department.id())));
        var imported = theirClerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml",
                "file",
                new FilePart("goi.edxml", exported, "application/xml"));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.get("signerAuthority")).isEqualTo("TM");
        assertThat(imported.get("issuedAmount")).isEqualTo(12);
        assertThat(imported.get("toPlaces")).isEqualTo("Như Điều 3\nChủ tịch, các PCT UBND huyện\nLưu: VT, TH");
        Map<String, Object> sent = new HashMap<>(issued.json());
        Map<String, Object> received = new HashMap<>(imported.json());
        sent.keySet().removeAll(THE_RECEIVERS_OWN);
        received.keySet().removeAll(THE_RECEIVERS_OWN);
        assertThat(received)
                .as("every field of the sender's document, read back")
                .isEqualTo(sent);
    }

    @Test
    void aRevocationAnswerNobodyAskedForIsRefused() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit committee = province.aUnit("Ủy ban nhân dân huyện Tân Yên", "UBND");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Tân Yên", Role.CLERK, committee.id())));
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", committee.id().toString());
        m.put("typeName", "Công văn");
        m.put("subject", "Về việc báo cáo kết nối liên thông");
        m.put("recipients", List.of(Map.of("organId", "000.00.00.G22", "organName", "Văn phòng Chính phủ")));
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                m,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN")),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        java.util.UUID documentId = java.util.UUID.fromString((String) issued.get("id"));
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.sql("""
                        insert into outside_delivery (id, document_id, organ_id, organ_name, state, status_code, sent_at,
                          changed_at) values (?, ?, '000.00.00.G22', 'Văn phòng Chính phủ', 'REGISTERED', '03', ?, ?)
                        on conflict (document_id, organ_id) do update set state = 'REGISTERED', status_code = '03'""").params(java.util.UUID.randomUUID(), documentId, now, now).update();

        var unasked = importStatus(clerk, committee, issued, "15");
        var sendersRequest = importStatus(clerk, committee, issued, "13");
        var undefined = importStatus(clerk, committee, issued, "09");

        assertThat(unasked.status()).as(unasked.body()).isEqualTo(409);
        assertThat(unasked.get("code")).isEqualTo("exchange.status.revocation-not-asked");
        assertThat((String) unasked.get("detail")).contains("000.00.00.G22");
        assertThat(sendersRequest.get("code")).isEqualTo("exchange.status.not-an-answer");
        assertThat(undefined.status()).isEqualTo(400);
        assertThat(undefined.get("code")).isEqualTo("exchange.edxml.status-code");
        assertThat(deliveryState(documentId)).isEqualTo("REGISTERED");

        jdbc.sql("update outside_delivery set state = 'REVOKE_REQUESTED', status_code = '13' where document_id = ?")
                .param(documentId)
                .update();
        var asked = importStatus(clerk, committee, issued, "16");

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(deliveryState(documentId)).isEqualTo("REVOKE_REFUSED");
    }

    private ApiClient.Answer importStatus(
            ApiClient clerk, TestProvince.Unit unit, ApiClient.Answer issued, String code) {
        EdxmlStatus status = new EdxmlStatus(
                new ResponseFor(
                        (String) issued.get("organId"),
                        DocumentCode.parse((String) issued.get("notation")),
                        java.time.LocalDate.parse((String) issued.get("issuedDate")),
                        (String) issued.get("documentId")),
                Organisation.of("000.00.00.G22", "Văn phòng Chính phủ"),
                code,
                "Trả lời " + code,
                java.time.LocalDateTime.now(),
                null);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        edxml.write(EdxmlPackage.ofStatus(status), out);
        return clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                new FilePart("trang-thai.edxml", out.toByteArray(), "application/xml"));
    }

    private String deliveryState(java.util.UUID documentId) {
        return jdbc.sql("select state from outside_delivery where document_id = ?")
                .param(documentId)
                .query(String.class)
                .single();
    }

    @Test
    void aPackageWithoutAPdfLandsInTheTrayMarkedNoSignedPdf() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Văn phòng Tỉnh ủy Tây Ninh", "VPTU");
        String clerkName = province.anOfficial("Văn Thư VPTU", Role.CLERK, unit.id());
        ApiClient clerk = new ApiClient(port, province.tokenFor(clerkName));
        byte[] zippedWord = java.nio.file.Files.readAllBytes(
                vn.congvan.exchange.edxml.Conformance.edxml().resolve("third-party-edoc_new.edxml"));

        var imported = clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                new FilePart("new.edxml", zippedWord, "application/xml"));

        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        String arrivalId = (String) imported.get("id");
        Map<?, ?> waiting = clerk.get("/api/v1/electronic-arrivals").list().stream()
                .map(Map.class::cast)
                .filter(a -> arrivalId.equals(a.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(waiting.get("documentId")).isEqualTo("000.00.11.H53,2020/10/30,2491/STC-BCTC");
        assertThat(waiting.get("flagged")).isEqualTo(true);
        assertThat((List<?>) waiting.get("warnings"))
                .extracting(w -> ((Map<?, ?>) w).get("code"), w -> ((Map<?, ?>) w).get("argument"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("exchange.arrival.warning.no-signed-pdf", ""),
                        org.assertj.core.groups.Tuple.tuple("exchange.arrival.warning.other-organ", "000.00.01.A53"));
        var trayPage = vn.congvan.SignedInBrowser.as(port, clerkName).download("/arrivals");
        assertThat(trayPage.statusCode())
                .as(trayPage.headers().map().toString())
                .isEqualTo(200);
        String tray = new String(trayPage.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(tray).contains("Gói tin không có tệp PDF.").doesNotContain("exchange.arrival.no-pdf");
        // The clerk may register it as such (aPackageWhoseOnlyFileIsAZippedWordFile...) or, here, refuse it.
        var refused = clerk.postJson(
                "/api/v1/electronic-arrivals/" + arrivalId + "/refusal",
                Map.of("comment", "Không có bản PDF có chữ ký số"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.get("state")).isEqualTo("REFUSED");
        assertThat(refused.get("reason")).isEqualTo("Không có bản PDF có chữ ký số");
    }

    @Test
    void aPackageWhoseOnlyFileIsAZippedWordFileIsRegisteredByTheClerkWithItsFileAsItCameAndNoSignedPdf()
            throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Văn phòng Tỉnh ủy Tây Ninh", "VPTU");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Tỉnh Ủy Tây Ninh", Role.CLERK, unit.id())));
        byte[] zippedWord = java.nio.file.Files.readAllBytes(
                vn.congvan.exchange.edxml.Conformance.edxml().resolve("third-party-edoc_new.edxml"));
        byte[] sent;
        String sentName;
        try (EdxmlPackage read = edxml.read(new ByteArrayInputStream(zippedWord));
                var in = read.attachments().get(0).open()) {
            sent = in.readAllBytes();
            sentName = read.attachments().get(0).name().value();
        }
        String arrivalId = (String) clerk.upload(
                        org.springframework.http.HttpMethod.POST,
                        "/api/v1/units/" + unit.id() + "/edxml",
                        "file",
                        new FilePart("new.edxml", zippedWord, "application/xml"))
                .get("id");

        var registered = clerk.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of());

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.get("direction")).isEqualTo("INCOMING");
        assertThat(registered.get("status")).isEqualTo("REGISTERED");
        assertThat(registered.get("arrivalNumber")).isEqualTo(1);
        assertThat(registered.get("documentId")).isEqualTo("000.00.11.H53,2020/10/30,2491/STC-BCTC");
        assertThat(registered.get("noSignedPdf")).isEqualTo(true);
        assertThat((List<?>) registered.get("files")).hasSize(1);
        Map<?, ?> file = (Map<?, ?>) ((List<?>) registered.get("files")).get(0);
        assertThat(file.get("role")).isEqualTo("ATTACHMENT");
        assertThat(file.get("fileName")).isEqualTo(sentName);
        String documentId = (String) registered.get("id");
        var download = clerk.get("/api/v1/documents/" + documentId + "/files/" + file.get("id"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.bytes()).isEqualTo(sent);
        assertThat(clerk.get("/api/v1/documents/" + documentId).get("noSignedPdf"))
                .isEqualTo(true);
        var verdict = clerk.get("/api/v1/documents/" + documentId + "/signature-validation");
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.get("noSignedPdf")).isEqualTo(true);
        assertThat((List<?>) verdict.get("files")).isEmpty();
        assertThat(verdict.body()).doesNotContain("ALL_VALID");
        assertThat(clerk.get("/api/v1/electronic-arrivals/" + arrivalId).get("state"))
                .isEqualTo("REGISTERED");
        Map<String, Object> next = new HashMap<>();
        next.put("unitId", unit.id().toString());
        next.put("typeName", "Công văn");
        next.put(
                "issuedDate",
                java.time.LocalDate.now(vn.congvan.shared.VietnamTime.ZONE)
                        .minusDays(1)
                        .toString());
        next.put("organName", "Ủy ban nhân dân tỉnh Tây Ninh");
        next.put("subject", "Về việc báo cáo tài chính");
        var uploaded = clerk.multipart(
                "/api/v1/documents/incoming", next, FilePart.pdf("cv.pdf", SamplePdf.withText("CÔNG VĂN")), List.of());
        assertThat(uploaded.get("arrivalNumber"))
                .as("the same incoming register")
                .isEqualTo(2);
        assertThat(uploaded.get("noSignedPdf")).isEqualTo(false);
    }

    @Test
    void onlyTheUnitsClerkRegistersAPackageWithoutAPdfNeitherAPlainOfficialNorAnotherUnitsClerk() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Văn phòng Tỉnh ủy Tây Ninh", "VPTU");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Văn Phòng Tỉnh Ủy", Role.CLERK, unit.id())));
        ApiClient official = new ApiClient(
                port,
                province.tokenFor(province.anOfficial("Chuyên Viên Văn Phòng Tỉnh Ủy", Role.SPECIALIST, unit.id())));
        ApiClient otherClerk = new ApiClient(
                port,
                province.tokenFor(province.anOfficial(
                        "Văn Thư Sở Tài Chính Tây Ninh",
                        Role.CLERK,
                        province.aUnit("Sở Tài chính Tây Ninh", "STC").id())));
        String arrivalId = (String) clerk.upload(
                        org.springframework.http.HttpMethod.POST,
                        "/api/v1/units/" + unit.id() + "/edxml",
                        "file",
                        new FilePart(
                                "new.edxml",
                                java.nio.file.Files.readAllBytes(vn.congvan.exchange.edxml.Conformance.edxml()
                                        .resolve("third-party-edoc_new.edxml")),
                                "application/xml"))
                .get("id");

        var byOfficial = official.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of());
        var byOtherClerk = otherClerk.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of());

        assertThat(byOfficial.status()).as(byOfficial.body()).isEqualTo(404);
        assertThat(byOtherClerk.status()).as(byOtherClerk.body()).isEqualTo(404);
        assertThat(clerk.get("/api/v1/electronic-arrivals/" + arrivalId).get("state"))
                .isEqualTo("ARRIVED");
        assertThat(jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(unit.id())
                        .query(Long.class)
                        .single())
                .as("no document registered by either")
                .isZero();
        var byTheClerk = clerk.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of());
        assertThat(byTheClerk.status()).as(byTheClerk.body()).isEqualTo(201);
        assertThat(official.postJson("/api/v1/electronic-arrivals/" + arrivalId + "/registration", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aManifestNamingAnAbsentFileIsFlaggedInTheTrayNotSilentlyRegistered() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Giáo dục và Đào tạo", "SGDĐT");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Sở GDĐT", Role.CLERK, unit.id())));
        String organId = "T." + unit.id().toString().substring(0, 18);
        byte[] pdf = SamplePdf.withText("CÔNG VĂN");
        vn.congvan.exchange.edxml.EdxmlAttachment main = new vn.congvan.exchange.edxml.EdxmlAttachment(
                "1",
                vn.congvan.storage.SafeFileName.of("cong-van.pdf"),
                "application/pdf",
                "Văn bản",
                () -> new ByteArrayInputStream(pdf));
        vn.congvan.exchange.edxml.MessageHeader header = new vn.congvan.exchange.edxml.MessageHeader(
                Organisation.of("000.00.00.G22", "Văn phòng Chính phủ"),
                List.of(Organisation.of(organId, unit.name())),
                "000.00.00.G22,2026/03/02,900/VPCP-KGVX",
                new DocumentCode("900", "VPCP-KGVX"),
                "Hà Nội",
                java.time.LocalDate.of(2026, 3, 2),
                new vn.congvan.exchange.edxml.DocumentKind(1, 0, "Công văn"),
                "Về việc tổ chức kỳ thi",
                "Về việc tổ chức kỳ thi",
                vn.congvan.exchange.edxml.SignerInfo.NONE,
                null,
                List.of(),
                vn.congvan.exchange.edxml.OtherInfo.NONE,
                1,
                null);
        List<vn.congvan.exchange.edxml.Reference> manifest = List.of(
                vn.congvan.exchange.edxml.Reference.of(main),
                new vn.congvan.exchange.edxml.Reference("2", "application/pdf", "phu-luc-danh-sach.pdf", "Phụ lục"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        edxml.write(
                EdxmlPackage.ofDocument(
                        new vn.congvan.exchange.edxml.EdxmlDocument(header, List.of(), null, manifest), List.of(main)),
                out);

        var imported = clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                new FilePart("goi.edxml", out.toByteArray(), "application/xml"));

        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        assertThat((List<?>) imported.get("warnings"))
                .singleElement()
                .isEqualTo(Map.of(
                        "code", "exchange.arrival.warning.missing-attachment", "argument", "phu-luc-danh-sach.pdf"));
        assertThat(jdbc.sql("select count(*) from document where edxml_document_id = ? and unit_id = ?")
                        .params("000.00.00.G22,2026/03/02,900/VPCP-KGVX", unit.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aStatusPackageOrAPackageWithoutAPdfIsNotRegistered() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Văn phòng Tỉnh ủy", "VPTU");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Tỉnh Ủy", Role.CLERK, unit.id())));
        java.nio.file.Path conformance = vn.congvan.exchange.edxml.Conformance.edxml();

        var status = clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                new FilePart(
                        "status.edxml",
                        java.nio.file.Files.readAllBytes(conformance.resolve("third-party-status_processing_05.edxml")),
                        "application/xml"));
        assertThat(status.get("code")).isEqualTo("exchange.status.unknown-document");
        var noPdf = clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                new FilePart(
                        "new.edxml",
                        java.nio.file.Files.readAllBytes(conformance.resolve("third-party-edoc_new.edxml")),
                        "application/xml"));
        assertThat(noPdf.status()).as(noPdf.body()).isEqualTo(202);
        assertThat(noPdf.get("state")).isEqualTo("ARRIVED");
        var notXml = clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                new FilePart(
                        "x.edxml",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(),
                        "application/xml"));
        assertThat(notXml.get("code")).isEqualTo("exchange.edxml.doctype");
    }

    @Test
    void anIncomingDocumentIsNotExported() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Nội vụ", "SNV");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Sở Nội Vụ", Role.CLERK, unit.id())));
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", unit.id().toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", "12");
        m.put("codeNotation", "UBND-NV");
        m.put(
                "issuedDate",
                java.time.LocalDate.now(vn.congvan.shared.VietnamTime.ZONE)
                        .minusDays(1)
                        .toString());
        m.put("organName", "Ủy ban nhân dân tỉnh");
        m.put("subject", "Về việc tuyển dụng");
        var registered = clerk.multipart(
                "/api/v1/documents/incoming", m, FilePart.pdf("cv.pdf", SamplePdf.withText("CÔNG VĂN")), List.of());

        var exported = clerk.get("/api/v1/documents/" + registered.get("id") + "/edxml");

        assertThat(exported.status()).isEqualTo(409);
        assertThat(exported.get("code")).isEqualTo("exchange.export.not-issued");
    }

    @Test
    void aPlainOfficialCannotMakeTheServerReadAnEdxmlPackage() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Xây dựng", "SXD");
        ApiClient official = new ApiClient(
                port, province.tokenFor(province.anOfficial("Chuyên Viên Xây Dựng", Role.SPECIALIST, unit.id())));
        byte[] pdf = SamplePdf.withText("CÔNG VĂN", java.util.UUID.randomUUID().toString());
        List<vn.congvan.exchange.edxml.EdxmlAttachment> files =
                List.of(EdxmlPackages.anAttachment("1", "cong-van.pdf", "application/pdf", pdf));
        byte[] wellFormed =
                EdxmlPackages.written(edxml, EdxmlPackage.ofDocument(EdxmlPackages.aReplacement(files), files));
        byte[] deeplyNested = ("<edXML><edXMLEnvelope>" + "<a>".repeat(100_000) + "</a>".repeat(100_000)
                        + "</edXMLEnvelope></edXML>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var read = official.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                new FilePart("goi.edxml", wellFormed, "application/xml"));
        var nested = official.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                new FilePart("sau.edxml", deeplyNested, "application/xml"));

        assertThat(read.status()).as(read.body()).isEqualTo(403);
        assertThat(read.get("code")).isEqualTo("registry.clerk-only");
        assertThat(nested.status())
                .as("refused before the nesting is even seen")
                .isEqualTo(403);
        assertThat(blobFiles(sha256(pdf))).as("the package's PDF in the store").isEmpty();
    }

    @Test
    void aRefusedImportLeavesNothingInTheStore() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Giao thông", "SGT");
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Giao Thông", Role.CLERK, unit.id())));
        byte[] first =
                SamplePdf.withText("CÔNG VĂN", java.util.UUID.randomUUID().toString());
        byte[] second =
                SamplePdf.withText("CÔNG VĂN", java.util.UUID.randomUUID().toString());

        String organ = organOf(unit);
        var registered = clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                aPackage(organ, EdxmlPackages.anAttachment("1", "cong-van.pdf", "application/pdf", first)));
        var duplicate = clerk.upload(
                org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + unit.id() + "/edxml",
                "file",
                aPackage(organ, EdxmlPackages.anAttachment("1", "cong-van.pdf", "application/pdf", second)));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(blobFiles(sha256(second)))
                .as("the refused duplicate's PDF in the store")
                .isEmpty();
        assertThat(blobFiles(sha256(first)))
                .as("the registered PDF in the store")
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from blob where sha256 = ?")
                        .param(sha256(second))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(spooled())
                .as("attachments left in the spool of the data directory")
                .isEmpty();
    }

    @Test
    void anImportDecodesItsAttachmentsUnderTheDataDirectoryNotTheJvmTemporaryDirectory() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Y tế", "SYT");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Y Tế", Role.CLERK, unit.id())));
        byte[] pdf = SamplePdf.withText("CÔNG VĂN", java.util.UUID.randomUUID().toString());
        var paths = new java.util.concurrent.CopyOnWriteArrayList<java.nio.file.Path>();
        java.nio.file.Path spool = vn.congvan.exchange.edxml.Edxml.spoolDir(properties);
        java.nio.file.Files.createDirectories(spool);
        try (var watcher = spool.getFileSystem().newWatchService()) {
            spool.register(watcher, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);

            var imported = clerk.upload(
                    org.springframework.http.HttpMethod.POST,
                    "/api/v1/units/" + unit.id() + "/edxml",
                    "file",
                    aPackage(organOf(unit), EdxmlPackages.anAttachment("1", "cong-van.pdf", "application/pdf", pdf)));

            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            var key = watcher.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(key).as("a file decoded in the spool").isNotNull();
            key.pollEvents().forEach(e -> paths.add((java.nio.file.Path) e.context()));
        }
        assertThat(paths).anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("edxml-"));
        assertThat(spooled()).as("nothing left in the spool").isEmpty();
    }

    private List<java.nio.file.Path> spooled() throws java.io.IOException {
        java.nio.file.Path spool = vn.congvan.exchange.edxml.Edxml.spoolDir(properties);
        if (!java.nio.file.Files.isDirectory(spool)) {
            return List.of();
        }
        try (var files = java.nio.file.Files.list(spool)) {
            return files.toList();
        }
    }

    @Autowired
    vn.congvan.platform.CongVanProperties properties;

    private String organOf(TestProvince.Unit unit) {
        return jdbc.sql("select code from unit where id = ?")
                .param(unit.id())
                .query(String.class)
                .single();
    }

    /** A package addressed to the organ of the unit importing it, with one file. */
    private FilePart aPackage(String organ, vn.congvan.exchange.edxml.EdxmlAttachment attachment) {
        List<vn.congvan.exchange.edxml.EdxmlAttachment> files = List.of(attachment);
        return new FilePart(
                "goi.edxml",
                EdxmlPackages.written(
                        edxml,
                        EdxmlPackage.ofDocument(
                                EdxmlPackages.addressedTo(EdxmlPackages.aReplacement(files), organ), files)),
                "application/xml");
    }

    /** The files of the test installation's blob store (its data directory, not the JVM's temp) holding a content. */
    private List<java.nio.file.Path> blobFiles(String sha256) throws java.io.IOException {
        java.nio.file.Path root = properties.dataDir().resolve("blobs");
        if (!java.nio.file.Files.isDirectory(root)) {
            return List.of();
        }
        try (var files = java.nio.file.Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals(sha256)).toList();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
