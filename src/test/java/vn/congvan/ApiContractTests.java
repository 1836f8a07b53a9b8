package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.shared.Role;

/** What mobile apps and integrators build on: published operation ids and upload limits. */
@CongVanTest
@TestPropertySource(properties = "congvan.upload.max-file-size=1MB")
class ApiContractTests {

    static final List<String> OPERATIONS = List.of(
            "issueToken",
            "listUnits",
            "getUnit",
            "listUsers",
            "createOutgoingDocument",
            "registerIncomingDocument",
            "getDocument",
            "downloadDocumentFile",
            "searchDocuments",
            "exportRegister",
            "listRegisters",
            "verifyAuditTrail",
            "createDossier",
            "addDocumentToDossier",
            "exportDossier",
            "getDossier",
            "listDossiers",
            "closeDossier",
            "removeDocumentFromDossier",
            "createFilePlanItem",
            "listFilePlan",
            "openTypeRegister",
            "grantDocumentAccess",
            "listAuditRecords",
            "createUnit",
            "updateUnit",
            "createDivision",
            "createUser",
            "grantRole",
            "revokeRole",
            "signDocument",
            "validateSignatures",
            "uploadSignatureImage",
            "uploadSealImage",
            "prepareSignature",
            "completeSignature",
            "registerPersonalCertificate",
            "listPersonalCertificates",
            "registerOrganizationCertificate",
            "listOrganizationCertificates",
            "enrolHsmCertificate",
            "startRemoteSignature",
            "getRemoteSignature",
            "getSignatureValidation",
            "revalidateDocument",
            "startPluginSignature",
            "listNotifications",
            "markNotificationRead",
            "markAllNotificationsRead",
            "presentIncomingDocument",
            "assignIncomingDocument",
            "delegateIncomingDocument",
            "recordHandlingProgress",
            "returnIncomingDocument",
            "completeHandling",
            "refuseIncomingDocument",
            "getHandling",
            "listMyWork",
            "getDocumentTimeline",
            "createDraft",
            "getDraft",
            "addDraftVersion",
            "commentDraft",
            "submitDraft",
            "approveDraft",
            "returnDraft",
            "issueOutgoingDocument",
            "revokeOutgoingDocument",
            "listRecipientStates",
            "getApprovalRoute",
            "setApprovalRoute",
            "recordLeaderAbsence",
            "listArrivals",
            "registerArrival",
            "refuseArrival",
            "listOverdueDocuments",
            "exportFollowUpRegister",
            "getHandlingReport",
            "updateOutgoingRecipients",
            "exportEdxml",
            "importEdxml",
            "listRevocationRequests",
            "acceptRevocation",
            "refuseRevocation",
            "sendOutgoingDocument",
            "listOutsideAgencies",
            "listElectronicArrivalTray",
            "listElectronicArrivals",
            "getElectronicArrival",
            "registerElectronicArrival",
            "refuseElectronicArrival",
            "acceptElectronicRevocation",
            "refuseElectronicRevocation",
            "sendEdoc",
            "createUpload",
            "getUploadOffset",
            "resumeUpload",
            "getReceivedEdocList",
            "getEdoc",
            "updateStatus",
            "getSentEdocList",
            "getAgenciesList",
            "publishAgencies",
            "getRanking",
            "getUnitStatistics",
            "listDocumentsBehindFigure",
            "recomputeStatistics",
            "getUsageScores",
            "exportUsageScores",
            "generateMonthlyReport",
            "listMonthlyReports",
            "downloadMonthlyReport",
            "revokeToken",
            "changeOwnPassword",
            "resetUserPassword",
            "disableUser",
            "enableUser",
            "withdrawDocumentAccess",
            "listHubSystems",
            "allowHubSystemOrgans",
            "createFileUpload",
            "getFileUploadOffset",
            "resumeFileUpload",
            "cancelFileUpload",
            "listStorageQuotas",
            "setStorageQuota",
            "removeStorageQuota");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void everyPublishedOperationKeepsItsId() {
        String openApi = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/v3/api-docs")
                .retrieve()
                .body(String.class);

        for (String operation : OPERATIONS) {
            assertThat(openApi).as(operation).contains("\"operationId\":\"" + operation + "\"");
        }
    }

    @Test
    void theApiIsBrowsableInSwaggerUiAndThePagesGetTheirStaticFiles() {
        RestClient client = RestClient.create("http://localhost:" + port);

        for (String path : List.of(
                "/swagger-ui/index.html",
                "/css/congvan.css",
                "/js/statistics.js",
                "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/chart.js/dist/chart.umd.js",
                "/img/congvan.svg")) {
            assertThat(client.get()
                            .uri(path)
                            .retrieve()
                            .toBodilessEntity()
                            .getStatusCode()
                            .value())
                    .as(path)
                    .isEqualTo(200);
        }
        // Asked for by every browser on every page, signed in or not.
        var icon = client.get().uri("/favicon.ico").retrieve().toEntity(byte[].class);
        assertThat(icon.getStatusCode().value()).isEqualTo(200);
        assertThat(String.valueOf(icon.getHeaders().getContentType())).contains("icon");
        assertThat(icon.getBody()).startsWith(0, 0, 1, 0);
    }

    @Test
    void anUploadOverTheConfiguredSizeIsRefusedWithAProblem() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Công Thương", "SCT");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Lưu Văn Thư", Role.CLERK, unit.id())));
        byte[] big = new byte[1_200_000];

        var refused = clerk.inEnglish()
                .multipart(
                        "/api/v1/documents/incoming",
                        Map.of(
                                "unitId",
                                unit.id().toString(),
                                "typeName",
                                "Công văn",
                                "issuedDate",
                                LocalDate.now().minusDays(1).toString(),
                                "organName",
                                "Bộ Công Thương",
                                "subject",
                                "Hồ sơ lớn"),
                        FilePart.pdf("ho-so.pdf", big),
                        List.of());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("error.upload.too-large").contains("larger than allowed");
        assertThat(jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(unit.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
