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
import vn.congvan.exchange.BusinessDocType;
import vn.congvan.exchange.Edxml;
import vn.congvan.exchange.EdxmlPackage;
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
        ApiClient clerk = new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Yên Dũng", Role.CLERK,
                committee.id())));
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
        var issued = clerk.multipart("/api/v1/documents/outgoing", m, FilePart.pdf("quyet-dinh.pdf", pdf), List.of(
                new FilePart("phu-luc.pdf", SamplePdf.withText("PHỤ LỤC"), "application/pdf")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);

        var exported = clerk.get("/api/v1/documents/" + issued.get("id") + "/edxml");

        assertThat(exported.status()).isEqualTo(200);
        try (EdxmlPackage read = edxml.read(new ByteArrayInputStream(exported.bytes()))) {
            var header = read.document().header();
            assertThat(header.documentId()).isEqualTo(issued.get("documentId"));
            assertThat(header.code().toString()).isEqualTo(issued.get("notation"));
            assertThat(header.from().organName()).isEqualTo("Ủy ban nhân dân huyện Yên Dũng");
            assertThat(header.to()).singleElement().satisfies(t -> assertThat(t.organName()).isEqualTo("Sở Tài chính"));
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

        ApiClient theirClerk = new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Sở Tài Chính",
                Role.CLERK, department.id())));
        FilePart edxmlFile = new FilePart("goi.edxml", exported.bytes(), "application/xml");
        var imported = theirClerk.upload(org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml", "file", edxmlFile);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.get("notation")).isEqualTo(issued.get("notation"));
        assertThat(imported.get("organName")).isEqualTo("Ủy ban nhân dân huyện Yên Dũng");
        assertThat(imported.get("documentId")).isEqualTo(issued.get("documentId"));
        assertThat(imported.get("arrivalNumber")).isNotNull();
        assertThat((List<?>) imported.get("files")).hasSize(2);
        var again = theirClerk.upload(org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml", "file", edxmlFile);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("registry.duplicate");
        var notTheirs = clerk.upload(org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml", "file", edxmlFile);
        assertThat(notTheirs.status()).isEqualTo(403);
    }

    /** What a registered document holds that is the receiving unit's own, not the sender's: never carried over. */
    private static final java.util.Set<String> THE_RECEIVERS_OWN = java.util.Set.of("id", "direction", "status", "unitId",
            "unitName", "registerId", "arrivalDate", "arrivalNumber", "draftingDivisionId", "createdBy", "createdAt",
            "files", "recipients");

    @Test
    void competencePromulgationAmountAndToPlacesSurviveARoundTrip() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit committee = province.aUnit("Ủy ban nhân dân huyện Lục Nam", "UBND");
        TestProvince.Unit department = province.aUnit("Sở Kế hoạch và Đầu tư", "SKHĐT");
        ApiClient clerk = new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Lục Nam", Role.CLERK,
                committee.id())));
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", committee.id().toString());
        m.put("typeName", "Quyết định");
        m.put("subject", "Về việc giao chỉ tiêu kế hoạch năm 2027");
        m.put("signerAuthority", "TM");
        m.put("signerPosition", "Chủ tịch");
        m.put("signerFullName", "Hoàng Văn Chủ");
        m.put("priority", 2);
        m.put("dueDate", java.time.LocalDate.now(vn.congvan.shared.VietnamTime.ZONE).plusDays(20).toString());
        m.put("toPlaces", "Như Điều 3\nChủ tịch, các PCT UBND huyện\nLưu: VT, TH");
        m.put("pageAmount", 1);
        m.put("issuedAmount", 12);
        m.put("paper", true);
        m.put("recipients", List.of(Map.of("unitId", department.id().toString())));
        var issued = clerk.multipart("/api/v1/documents/outgoing", m,
                FilePart.pdf("quyet-dinh.pdf", SamplePdf.withText("QUYẾT ĐỊNH", "Giao chỉ tiêu")), List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        byte[] exported = clerk.get("/api/v1/documents/" + issued.get("id") + "/edxml").bytes();

        ApiClient theirClerk = new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Sở KHĐT",
                Role.CLERK, department.id())));
        var imported = theirClerk.upload(org.springframework.http.HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml", "file",
                new FilePart("goi.edxml", exported, "application/xml"));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.get("signerAuthority")).isEqualTo("TM");
        assertThat(imported.get("issuedAmount")).isEqualTo(12);
        assertThat(imported.get("toPlaces")).isEqualTo("Như Điều 3\nChủ tịch, các PCT UBND huyện\nLưu: VT, TH");
        Map<String, Object> sent = new HashMap<>(issued.json());
        Map<String, Object> received = new HashMap<>(imported.json());
        sent.keySet().removeAll(THE_RECEIVERS_OWN);
        received.keySet().removeAll(THE_RECEIVERS_OWN);
        assertThat(received).as("every field of the sender's document, read back").isEqualTo(sent);
    }

    @Test
    void aStatusPackageOrAPackageWithoutAPdfIsNotRegistered() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Văn phòng Tỉnh ủy", "VPTU");
        ApiClient clerk = new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Tỉnh Ủy", Role.CLERK,
                unit.id())));
        java.nio.file.Path conformance = vn.congvan.exchange.Conformance.edxml();

        var status = clerk.upload(org.springframework.http.HttpMethod.POST, "/api/v1/units/" + unit.id() + "/edxml",
                "file", new FilePart("status.edxml", java.nio.file.Files.readAllBytes(
                        conformance.resolve("third-party-status_processing_05.edxml")), "application/xml"));
        assertThat(status.get("code")).isEqualTo("exchange.status.unknown-document");
        var noPdf = clerk.upload(org.springframework.http.HttpMethod.POST, "/api/v1/units/" + unit.id() + "/edxml",
                "file", new FilePart("new.edxml", java.nio.file.Files.readAllBytes(
                        conformance.resolve("third-party-edoc_new.edxml")), "application/xml"));
        assertThat(noPdf.get("code")).isEqualTo("exchange.import.no-pdf");
        var notXml = clerk.upload(org.springframework.http.HttpMethod.POST, "/api/v1/units/" + unit.id() + "/edxml",
                "file", new FilePart("x.edxml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                        .getBytes(), "application/xml"));
        assertThat(notXml.get("code")).isEqualTo("exchange.edxml.doctype");
    }

    @Test
    void anIncomingDocumentIsNotExported() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Nội vụ", "SNV");
        ApiClient clerk = new ApiClient(port, province.tokenFor(province.anOfficial("Văn Thư Sở Nội Vụ", Role.CLERK,
                unit.id())));
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", unit.id().toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", "12");
        m.put("codeNotation", "UBND-NV");
        m.put("issuedDate", java.time.LocalDate.now(vn.congvan.shared.VietnamTime.ZONE).minusDays(1).toString());
        m.put("organName", "Ủy ban nhân dân tỉnh");
        m.put("subject", "Về việc tuyển dụng");
        var registered = clerk.multipart("/api/v1/documents/incoming", m,
                FilePart.pdf("cv.pdf", SamplePdf.withText("CÔNG VĂN")), List.of());

        var exported = clerk.get("/api/v1/documents/" + registered.get("id") + "/edxml");

        assertThat(exported.status()).isEqualTo(409);
        assertThat(exported.get("code")).isEqualTo("exchange.export.not-issued");
    }
}
