package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.shared.Role;

/**
 * Every operation of the published OpenAPI document, called as four people: nobody signed in, a
 * plain official of unit A, the clerk of another unit B, and the clerk of unit A. What each may
 * expect is written down once below; an operation added without its line fails the test.
 *
 * <p>An answer is read as: {@code 401} nobody signed in; {@code deny} refused to a signed-in person
 * (403, or 404 where saying "no such thing" hides that it exists); {@code ok} the person passed the
 * permission check (a success, or the request's own fault: 400, 404 for a thing that is not there,
 * 409, 413, 422); {@code 404} nothing to act on for anyone. A 5xx is never expected. Requests carry
 * empty bodies: the person who may not act must be refused before their body is looked at.
 */
@CongVanTest
class AccessMatrixTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** operationId → anonymous, plain official of A, clerk of B, clerk of A. */
    static final Map<String, String> EXPECTED = expectations("""
            acceptElectronicRevocation      401  404  404  404
            acceptRevocation                401  404  404  404
            addDocumentToDossier            401  ok   ok   ok
            addDraftVersion                 401  ok   ok   ok
            approveDraft                    401  ok   deny ok
            assignIncomingDocument          401  deny deny deny
            closeDossier                    401  ok   deny ok
            commentDraft                    401  ok   deny ok
            completeHandling                401  ok   deny ok
            completeSignature               401  ok   ok   ok
            createDivision                  401  deny deny deny
            createDossier                   401  ok   ok   ok
            createDraft                     401  ok   ok   ok
            createFilePlanItem              401  ok   ok   ok
            createOutgoingDocument          401  ok   ok   ok
            createUnit                      401  deny deny deny
            createUser                      401  deny deny deny
            delegateIncomingDocument        401  ok   deny ok
            downloadDocumentFile            401  ok   deny ok
            downloadMonthlyReport           401  deny deny deny
            enrolHsmCertificate             401  deny deny deny
            exportDossier                   401  ok   deny ok
            exportEdxml                     401  ok   deny ok
            exportFollowUpRegister          401  deny deny ok
            exportRegister                  401  deny deny ok
            exportUsageScores               401  deny deny deny
            generateMonthlyReport           401  deny deny deny
            getApprovalRoute                401  ok   ok   ok
            getDocument                     401  ok   deny ok
            getDocumentTimeline             401  ok   deny ok
            getDossier                      401  ok   deny ok
            getDraft                        401  ok   deny ok
            getElectronicArrival            401  404  404  404
            getHandling                     401  ok   deny ok
            getHandlingReport               401  deny deny ok
            getRanking                      401  deny deny deny
            getRemoteSignature              401  404  404  404
            getSignatureValidation          401  ok   deny ok
            getUnit                         401  ok   ok   ok
            getUnitStatistics               401  ok   deny ok
            getUsageScores                  401  deny deny deny
            grantDocumentAccess             401  ok   ok   ok
            grantRole                       401  deny deny deny
            importEdxml                     401  deny deny ok
            issueOutgoingDocument           401  deny deny ok
            issueToken                      ok   ok   ok   ok
            listArrivals                    401  ok   ok   ok
            listAuditRecords                401  deny deny deny
            listDocumentsBehindFigure       401  ok   deny ok
            listDossiers                    401  ok   ok   ok
            listElectronicArrivalTray       401  ok   ok   ok
            listElectronicArrivals          401  deny deny ok
            listFilePlan                    401  ok   deny ok
            listMonthlyReports              401  deny deny deny
            listMyWork                      401  ok   ok   ok
            listNotifications               401  ok   ok   ok
            listOrganizationCertificates    401  ok   deny ok
            listOutsideAgencies             401  ok   ok   ok
            listOverdueDocuments            401  deny deny ok
            listPersonalCertificates        401  ok   deny deny
            listRecipientStates             401  ok   deny ok
            listRegisters                   401  ok   deny ok
            listRevocationRequests          401  ok   ok   ok
            listUnits                       401  ok   ok   ok
            listUsers                       401  ok   ok   ok
            markAllNotificationsRead        401  ok   ok   ok
            markNotificationRead            401  404  404  404
            openTypeRegister                401  deny deny ok
            prepareSignature                401  ok   ok   ok
            presentIncomingDocument         401  deny deny ok
            recomputeStatistics             401  deny deny deny
            recordHandlingProgress          401  ok   deny ok
            recordLeaderAbsence             401  deny deny ok
            refuseArrival                   401  404  404  404
            refuseElectronicArrival         401  404  404  404
            refuseElectronicRevocation      401  404  404  404
            refuseIncomingDocument          401  deny deny ok
            refuseRevocation                401  404  404  404
            registerArrival                 401  404  404  404
            registerElectronicArrival       401  404  404  404
            registerIncomingDocument        401  ok   ok   ok
            registerOrganizationCertificate 401  deny deny ok
            registerPersonalCertificate     401  ok   ok   ok
            removeDocumentFromDossier       401  ok   deny ok
            returnDraft                     401  ok   deny ok
            returnIncomingDocument          401  ok   deny ok
            revokeOutgoingDocument          401  deny deny ok
            revokeRole                      401  deny deny deny
            searchDocuments                 401  ok   ok   ok
            sendOutgoingDocument            401  deny deny ok
            setApprovalRoute                401  deny deny deny
            signDocument                    401  ok   ok   ok
            startPluginSignature            401  ok   ok   ok
            startRemoteSignature            401  ok   ok   ok
            submitDraft                     401  ok   deny ok
            updateOutgoingRecipients        401  deny deny ok
            updateUnit                      401  deny deny deny
            uploadSealImage                 401  deny deny ok
            uploadSignatureImage            401  ok   ok   ok
            validateSignatures              401  ok   ok   ok
            verifyAuditTrail                401  deny deny deny
            allowHubSystemOrgans            401  deny deny deny
            listHubSystems                  401  deny deny deny
            resetUserPassword               401  deny deny deny
            enableUser                      401  deny deny deny
            disableUser                     401  deny deny deny
            changeOwnPassword               401  ok   ok   ok
            revokeToken                     401  ok   ok   ok
            revalidateDocument              401  ok   deny ok
            withdrawDocumentAccess          401  deny deny ok
            createUpload                    404  404  404  404
            getAgenciesList                 404  404  404  404
            getEdoc                         404  404  404  404
            getReceivedEdocList             404  404  404  404
            getSentEdocList                 404  404  404  404
            getUploadOffset                 404  404  404  404
            publishAgencies                 404  404  404  404
            resumeUpload                    404  404  404  404
            sendEdoc                        404  404  404  404
            updateStatus                    404  404  404  404
            createFileUpload                401  ok   ok   ok
            describeFileUploads             401  ok   ok   ok
            getFileUploadOffset             401  404  404  ok
            resumeFileUpload                401  404  404  ok
            cancelFileUpload                401  404  404  ok
            listStorageQuotas               401  deny deny deny
            setStorageQuota                 401  deny deny deny
            removeStorageQuota              401  deny deny deny
            """);

    /** Called with a token of its own: it ends the token that calls it (log out). */
    static final java.util.Set<String> ENDS_THE_CALLERS_TOKEN = java.util.Set.of("revokeToken");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyOperationAnswersEachKindOfCallerAsWrittenDown() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unitA = province.aUnit("Sở Tài chính", "STC");
        TestProvince.Unit unitB = province.aUnit("Sở Xây dựng", "SXD");
        String clerkA = province.anOfficial("Nguyễn Thị Văn Thư", Role.CLERK, unitA.id());
        String officialA = province.anOfficial("Trần Văn Chuyên Viên", Role.SPECIALIST, unitA.id());
        String clerkB = province.anOfficial("Lê Thị Văn Thư", Role.CLERK, unitB.id());
        Map<String, String> usernames = Map.of("official", officialA, "otherClerk", clerkB, "clerk", clerkA);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("official", province.tokenFor(officialA));
        callers.put("otherClerk", province.tokenFor(clerkB));
        callers.put("clerk", province.tokenFor(clerkA));
        Fixture fixture = new Fixture(province, unitA, callers.get("clerk"), callers.get("official"), officialA);

        JsonNode openApi =
                JSON.readTree(send("GET", "/v3/api-docs", null, null, null).body());
        Map<String, String> observed = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        openApi.get("paths").properties().iterator();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods =
                            path.getValue().properties().iterator();
                    methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                if (!operation.has("operationId")) {
                    continue;
                }
                String id = operation.get("operationId").asString();
                String uri = fixture.uri(path.getKey(), operation);
                List<String> answers = new ArrayList<>();
                List<Integer> statuses = new ArrayList<>();
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    String token = caller.getValue();
                    if (token != null && ENDS_THE_CALLERS_TOKEN.contains(id)) {
                        token = province.tokenFor(usernames.get(caller.getKey()));
                    }
                    statuses.add(call(method.getKey().toUpperCase(), uri, operation, token));
                }
                String expected = EXPECTED.get(id);
                String[] expectedWords = expected == null ? null : expected.split(" ");
                for (int i = 0; i < statuses.size(); i++) {
                    String word = expectedWords == null ? null : expectedWords[i];
                    answers.add(classify(statuses.get(i), word));
                }
                String line = String.join(" ", answers);
                observed.put(id, line + "   # " + method.getKey().toUpperCase() + " " + path.getKey() + " " + statuses);
                if (expected == null || !expected.equals(String.join(" ", answers))) {
                    mismatches.add(id + ": expected [" + expected + "], got " + statuses + " for " + method.getKey()
                            + " " + uri);
                }
            }
        }
        StringBuilder table = new StringBuilder();
        observed.forEach((id, line) -> table.append(String.format("%-32s%s%n", id, line)));
        assertThat(mismatches).as("observed:%n%s", table).isEmpty();
        assertThat(observed.keySet())
                .as("operations written down but not published")
                .containsAll(EXPECTED.keySet());
    }

    /** The word that names a status, the expected word when it covers the status. */
    private static String classify(int status, String expected) {
        if (status >= 500) {
            return "5xx(" + status + ")";
        }
        if (status == 401) {
            return "401";
        }
        if (status == 403) {
            return "deny";
        }
        if (status == 404) {
            return expected != null && (expected.equals("deny") || expected.equals("404") || expected.equals("ok"))
                    ? expected
                    : "404";
        }
        return "ok";
    }

    private int call(String method, String uri, JsonNode operation, String token) throws Exception {
        String contentType = null;
        byte[] body = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("multipart/form-data")) {
            String boundary = "matrix" + UUID.randomUUID();
            contentType = "multipart/form-data; boundary=" + boundary;
            body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                            + "Content-Type: application/json\r\n\r\n{}\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        } else if (content.has("application/json")) {
            contentType = "application/json";
            body = "{}".getBytes(StandardCharsets.UTF_8);
        } else if (!content.isMissingNode() && content.properties().iterator().hasNext()) {
            contentType = content.properties().iterator().next().getKey();
            body = new byte[0];
        }
        return send(method, uri, token, contentType, body).statusCode();
    }

    private HttpResponse<String> send(String method, String uri, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", "en");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> expectations(String table) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] words = line.strip().split("\\s+");
            expected.put(words[0], String.join(" ", List.of(words).subList(1, 5)));
        }
        return expected;
    }

    /** The things of unit A that path variables name, made through the API as its people would. */
    private final class Fixture {

        private final Map<String, String> byCollection = new LinkedHashMap<>();
        private final TestProvince.Unit unit;
        private final UUID personId;

        Fixture(
                TestProvince province,
                TestProvince.Unit unit,
                String clerkToken,
                String officialToken,
                String official) {
            this.unit = unit;
            this.personId = province.personId(official);
            ApiClient clerk = new ApiClient(port, clerkToken);
            ApiClient specialist = new ApiClient(port, officialToken);
            var document = clerk.multipart(
                    "/api/v1/documents/incoming",
                    Map.of(
                            "unitId",
                            unit.id().toString(),
                            "typeName",
                            "Công văn",
                            "codeNumber",
                            "17",
                            "codeNotation",
                            "UBND-VP",
                            "issuedDate",
                            LocalDate.now().minusDays(3).toString(),
                            "organName",
                            "Ủy ban nhân dân tỉnh",
                            "subject",
                            "Về việc kiểm tra quyền truy cập"),
                    FilePart.pdf("van-ban.pdf", SamplePdf.withText("CÔNG VĂN")),
                    List.of());
            assertThat(document.status()).as(document.body()).isEqualTo(201);
            byCollection.put("documents", (String) document.get("id"));
            byCollection.put("units", unit.id().toString());
            var dossier = specialist.postJson(
                    "/api/v1/dossiers",
                    Map.of(
                            "unitId",
                            unit.id().toString(),
                            "fileNotation",
                            "01.TC",
                            "title",
                            "Hồ sơ kiểm tra quyền",
                            "maintenance",
                            "10 năm"));
            assertThat(dossier.status()).as(dossier.body()).isEqualTo(201);
            byCollection.put("dossiers", (String) dossier.get("id"));
            var draft = specialist.multipart(
                    "/api/v1/drafts",
                    Map.of(
                            "unitId",
                            unit.id().toString(),
                            "typeName",
                            "Công văn",
                            "subject",
                            "Về việc kiểm tra quyền",
                            "recipients",
                            List.of(Map.of("organName", "Sở Nội vụ"))),
                    FilePart.pdf("du-thao.pdf", SamplePdf.withText("CÔNG VĂN")),
                    List.of());
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            byCollection.put("drafts", (String) draft.get("id"));
            var registers = clerk.get("/api/v1/units/" + unit.id() + "/registers");
            assertThat(registers.status()).as(registers.body()).isEqualTo(200);
            byCollection.put("registers", (String) ((Map<?, ?>) registers.list().get(0)).get("id"));
            byCollection.put("uploads", anUpload(clerkToken));
        }

        /** An unfinished upload of the clerk of A, whose id no one else may use. */
        private String anUpload(String clerkToken) {
            try {
                HttpResponse<Void> created = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/uploads"))
                                .header("Authorization", "Bearer " + clerkToken)
                                .header("Tus-Resumable", "1.0.0")
                                .header("Upload-Length", "1000")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(created.statusCode()).isEqualTo(201);
                String location = created.headers().firstValue("Location").orElseThrow();
                return location.substring(location.lastIndexOf('/') + 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The path with its variables filled, and required query parameters given plausible values. */
        String uri(String template, JsonNode operation) {
            String[] segments = template.split("/");
            StringBuilder path = new StringBuilder();
            String collection = null;
            for (String segment : segments) {
                if (segment.isEmpty()) {
                    continue;
                }
                path.append('/');
                if (segment.startsWith("{")) {
                    path.append(value(segment.substring(1, segment.length() - 1), collection));
                } else {
                    path.append(segment);
                    collection = segment;
                }
            }
            List<String> query = new ArrayList<>();
            for (JsonNode parameter : operation.path("parameters")) {
                if ("query".equals(parameter.path("in").asString())
                        && parameter.path("required").asBoolean()) {
                    String name = parameter.get("name").asString();
                    query.add(name + "=" + value(name, null));
                }
            }
            return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
        }

        private String value(String name, String collection) {
            return switch (name) {
                case "id" ->
                    byCollection.getOrDefault(collection, UUID.randomUUID().toString());
                case "documentId" -> byCollection.get("documents");
                case "unitId" -> unit.id().toString();
                case "personId" -> personId.toString();
                case "month" -> LocalDate.now().minusMonths(1).toString().substring(0, 7);
                case "period" -> LocalDate.now().minusMonths(1).toString().substring(0, 7);
                case "year" -> Integer.toString(LocalDate.now().getYear());
                case "from" -> LocalDate.now().minusDays(30).toString();
                case "to" -> LocalDate.now().toString();
                case "registerId" -> byCollection.get("registers");
                case "metric" -> "OUTGOING_ELECTRONIC";
                case "format" -> "pdf";
                case "level" -> "AGENCY";
                case "q" -> "kiem";
                default -> UUID.randomUUID().toString();
            };
        }
    }
}
