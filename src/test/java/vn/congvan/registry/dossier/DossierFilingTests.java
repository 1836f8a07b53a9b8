package vn.congvan.registry.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.registry.dossier.TestOffice.documentsOf;
import static vn.congvan.registry.dossier.TestOffice.files;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;

@CongVanTest
class DossierFilingTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestOffice office;

    @BeforeEach
    void aDepartmentAtWork() {
        office = new TestOffice(new TestProvince(jdbc, encoder, port), port, "Sở Tài nguyên và Môi trường", "STNMT");
    }

    @Test
    void aDocumentSitsInTwoDossiersAndIsStoredOnce() {
        String document = office.anArrival()
                .about("Về việc quản lý đất đai ven sông Thương")
                .registered();
        String land = office.opens(office.specialist, "01.ĐĐ", "Hồ sơ quản lý đất đai năm nay");
        String river = office.opens(office.colleague, "02.MT", "Hồ sơ bảo vệ môi trường sông Thương");

        assertThat(files(office.specialist, land, document).status()).isEqualTo(200);
        var second = files(office.colleague, river, document);

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(documentsOf(second))
                .singleElement()
                .satisfies(e -> assertThat(e.get("documentId")).isEqualTo(document));
        assertThat(documentsOf(office.specialist.get("/api/v1/dossiers/" + land)))
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from dossier_document where document_id = ?::uuid")
                        .param(document)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from document_file where document_id = ?::uuid")
                        .param(document)
                        .query(Long.class)
                        .single())
                .as("the file is stored once, whatever the number of dossiers")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(office.unitId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void filingADocumentTwiceChangesNothingAndIsAuditedOnce() {
        String document = office.anArrival().registered();
        String dossier = office.opens(office.specialist, "03.TH", "Hồ sơ tổng hợp");

        files(office.specialist, dossier, document);
        var again = files(office.specialist, dossier, document);

        assertThat(again.status()).isEqualTo(200);
        assertThat(documentsOf(again)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'dossier.document.added' "
                                + "and subject_id = ?")
                        .param(dossier)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theDatesAndTotalsOfAnOpenDossierComeFromItsDocumentsInChronologicalOrder() {
        String later = office.anArrival()
                .numbered("20", "UBND-KT")
                .issuedDaysAgo(3)
                .onPages(3, "SAU")
                .registered();
        String earlier = office.anArrival()
                .numbered("07", "UBND-KT")
                .issuedDaysAgo(30)
                .onPages(2, "TRƯỚC")
                .registered();
        String dossier = office.opens(office.specialist, "04.KT", "Hồ sơ kinh tế");
        files(office.specialist, dossier, later);

        var filed = files(office.specialist, dossier, earlier);

        assertThat(filed.get("docTotal")).isEqualTo(2);
        assertThat(filed.get("pageTotal")).isEqualTo(5);
        assertThat(filed.get("startDate"))
                .isEqualTo(LocalDate.now().minusDays(30).toString());
        assertThat(filed.get("endDate")).isEqualTo(LocalDate.now().minusDays(3).toString());
        assertThat(documentsOf(filed)).extracting(e -> e.get("documentId")).containsExactly(earlier, later);
        assertThat(documentsOf(filed)).extracting(e -> e.get("docOrdinal")).containsExactly(1, 2);
        assertThat(documentsOf(filed)).extracting(e -> e.get("notation")).containsExactly("07/UBND-KT", "20/UBND-KT");
    }

    @Test
    void aClosedDossierRefusesADocumentWithAClearMessage() {
        String first = office.anArrival().registered();
        String dossier = office.opens(office.specialist, "05.VP", "Hồ sơ hội nghị tổng kết");
        files(office.specialist, dossier, first);

        var closed = office.specialist.postJson("/api/v1/dossiers/" + dossier + "/close", Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.get("state")).isEqualTo("CLOSED");
        assertThat(closed.get("docTotal")).isEqualTo(1);
        assertThat(closed.get("closedAt")).isNotNull();

        var refused =
                files(office.specialist.inEnglish(), dossier, office.anArrival().registered());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("registry.dossier.closed");
        assertThat((String) refused.get("detail")).contains("is closed").contains((String) closed.get("fileCode"));
        assertThat(office.specialist
                        .delete("/api/v1/dossiers/" + dossier + "/documents/" + first)
                        .status())
                .isEqualTo(409);
        assertThat(office.specialist
                        .postJson("/api/v1/dossiers/" + dossier + "/close", Map.of())
                        .get("code"))
                .isEqualTo("registry.dossier.already-closed");
    }

    @Test
    void onlyTheCreatorTheLeadersOrTheClerkCloseADossier() {
        String dossier = office.opens(office.specialist, "06.TC", "Hồ sơ tài chính");

        var refused = office.colleague.postJson("/api/v1/dossiers/" + dossier + "/close", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("registry.dossier.close-not-allowed");
        assertThat(office.leader
                        .postJson("/api/v1/dossiers/" + dossier + "/close", Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aDocumentTakenOutOfAnOpenDossierStaysInTheRegistry() {
        String document = office.anArrival().registered();
        String dossier = office.opens(office.specialist, "07.HC", "Hồ sơ hành chính");
        files(office.specialist, dossier, document);

        assertThat(office.colleague
                        .delete("/api/v1/dossiers/" + dossier + "/documents/" + document)
                        .status())
                .isEqualTo(204);

        assertThat(documentsOf(office.specialist.get("/api/v1/dossiers/" + dossier)))
                .isEmpty();
        assertThat(office.specialist.get("/api/v1/documents/" + document).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select action from audit_record where subject_type = 'dossier' and subject_id = ? "
                                + "order by seq")
                        .param(dossier)
                        .query(String.class)
                        .list())
                .containsExactly("dossier.opened", "dossier.document.added", "dossier.document.removed");
    }

    @Test
    void aDossierOpensFromTheFilePlanWithItsNotationTitleAndRetention() {
        int year = LocalDate.now().getYear();
        var item = office.clerk.postJson(
                "/api/v1/file-plan",
                Map.of(
                        "unitId", office.unitId().toString(),
                        "year", year,
                        "fileNotation", "01.TH",
                        "title", "Hồ sơ về công tác thi đua, khen thưởng",
                        "maintenance", "Vĩnh viễn"));
        assertThat(item.status()).as(item.body()).isEqualTo(201);

        var opened = office.specialist.postJson("/api/v1/dossiers", Map.of("filePlanItemId", item.get("id")));

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat((String) opened.get("fileCode")).endsWith("." + year + ".01.TH");
        assertThat(opened.get("title")).isEqualTo("Hồ sơ về công tác thi đua, khen thưởng");
        assertThat(opened.get("maintenance")).isEqualTo("Vĩnh viễn");
        assertThat(opened.get("creator")).isEqualTo("Phạm Thị Chuyên Viên");
        assertThat(opened.get("state")).isEqualTo("OPEN");
        var plan = office.specialist.get("/api/v1/file-plan?unitId=" + office.unitId() + "&year=" + year);
        assertThat(plan.body()).contains("01.TH");
        var list =
                office.specialist.get("/api/v1/dossiers?unitId=" + office.unitId() + "&year=" + year + "&state=OPEN");
        List<?> dossiers = TestOffice.JSON.readValue(list.body(), List.class);
        assertThat(dossiers)
                .singleElement()
                .satisfies(d -> assertThat(((Map<?, ?>) d).get("id")).isEqualTo(opened.get("id")));
        assertThat(office.specialist
                        .get("/api/v1/dossiers?unitId=" + office.unitId() + "&state=CLOSED")
                        .body())
                .isEqualTo("[]");
    }

    @Test
    void theDossierOperationsKeepTheirNamesInTheApiDocument() {
        String apiDocs = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get()
                .uri("/v3/api-docs")
                .retrieve()
                .body(String.class);

        assertThat(apiDocs)
                .contains(List.of(
                                "createDossier",
                                "getDossier",
                                "listDossiers",
                                "addDocumentToDossier",
                                "removeDocumentFromDossier",
                                "closeDossier",
                                "exportDossier",
                                "createFilePlanItem",
                                "listFilePlan")
                        .stream()
                        .map(id -> "\"operationId\":\"" + id + "\"")
                        .toList());
    }
}
