package vn.congvan.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.exchange.axis.AxisSignature;
import vn.congvan.exchange.edxml.Edxml;

@HubTest
class HubMailboxTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Edxml edxml;

    private final AxisCaller officeA = new AxisCaller(HubTest.Settings.PORT, HubTest.SELF, HubTest.SELF_SECRET);
    private final AxisCaller officeB = new AxisCaller(HubTest.Settings.PORT, HubTest.OTHER, HubTest.OTHER_SECRET);
    private AxisPackages packages;
    private String department;
    private String ministry;

    @BeforeEach
    void twoInstallationsPublishTheirAgencies() {
        packages = new AxisPackages(edxml);
        department = AxisPackages.anOrganId();
        ministry = AxisPackages.anOrganId();
        assertThat(officeA.publish(department, "Sở Tài chính").status()).isEqualTo(204);
        assertThat(officeB.publish(ministry, "Bộ Tài chính").status()).isEqualTo(204);
    }

    @Test
    void aDocumentIsRoutedToItsRecipientWhoFetchesAndAcknowledgesIt() {
        byte[] document = packages.aDocument(department, List.of(ministry), 5, "PDF".getBytes());

        AxisCaller.Answer sent = officeA.sendEdoc(document, UUID.randomUUID().toString());

        assertThat(sent.status()).isEqualTo(201);
        String id = (String) sent.json().get("id");
        assertThat(sent.json())
                .containsEntry("kind", "DOCUMENT")
                .containsEntry("documentId", AxisPackages.documentIdOf(department, 5))
                .containsEntry("recipients", List.of(ministry));
        assertThat(recipientStates(id)).containsExactly(Map.entry(ministry, "PENDING"));

        List<Map<String, Object>> waiting = waitingFor(officeB, id);
        assertThat(waiting)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .containsEntry("from", department)
                        .containsEntry("to", List.of(ministry))
                        .containsEntry("kind", "DOCUMENT")
                        .containsEntry("sha256", sha256(document))
                        .containsEntry("size", document.length));

        AxisCaller.Answer fetched = officeB.get("/api/v1/axis/edocs/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(document);
        assertThat(fetched.header(AxisSignature.CONTENT_SHA256)).contains(sha256(document));
        assertThat(recipientStates(id)).containsExactly(Map.entry(ministry, "FETCHED"));

        assertThat(officeB.postJson("/api/v1/axis/edocs/" + id + "/status", Map.of("status", "done"))
                        .status())
                .isEqualTo(200);
        assertThat(recipientStates(id)).containsExactly(Map.entry(ministry, "DONE"));
        assertThat(waitingFor(officeB, id)).isEmpty();
    }

    @Test
    void anAcknowledgementRepeatedChangesNothing() {
        String id = sentToTheMinistry(6);

        officeB.postJson("/api/v1/axis/edocs/" + id + "/status", Map.of("status", "fail", "reason", "Không đọc được"));
        AxisCaller.Answer again = officeB.postJson("/api/v1/axis/edocs/" + id + "/status", Map.of("status", "done"));

        assertThat(again.status()).isEqualTo(200);
        Map<String, Object> recipient = sentEntry(id).get(0);
        assertThat(recipient).containsEntry("state", "FAILED").containsEntry("reason", "Không đọc được");
    }

    @Test
    void anAcknowledgementOtherThanDoneOrFailIsRefused() {
        String id = sentToTheMinistry(7);

        AxisCaller.Answer refused = officeB.postJson("/api/v1/axis/edocs/" + id + "/status", Map.of("status", "ok"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.status-invalid");
        assertThat(sentEntry(id).get(0)).containsEntry("state", "PENDING");
    }

    @Test
    void theSamePackageSentAgainUnderItsIdempotencyKeyGetsTheSameAnswerAndIsStoredOnce() {
        byte[] document = packages.aDocument(department, List.of(ministry), 8, "PDF".getBytes());
        String key = UUID.randomUUID().toString();

        AxisCaller.Answer first = officeA.sendEdoc(document, key);
        AxisCaller.Answer again = officeA.sendEdoc(document, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(jdbc.sql("select count(*) from hub_edoc where system_id = ? and idempotency_key = ?")
                        .params(HubTest.SELF, key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(officeB.get("/api/v1/axis/edocs/received").list())
                .filteredOn(w -> w.get("id").equals(first.json().get("id")))
                .hasSize(1);
    }

    @Test
    void anotherPackageUnderAnIdempotencyKeyAlreadyUsedIsAConflictNotTheFirstAnswer() {
        byte[] first = packages.aDocument(department, List.of(ministry), 16, "PDF".getBytes());
        byte[] other = packages.aDocument(department, List.of(ministry), 17, "PDF".getBytes());
        String key = UUID.randomUUID().toString();

        AxisCaller.Answer sent = officeA.sendEdoc(first, key);
        AxisCaller.Answer reused = officeA.sendEdoc(other, key);

        assertThat(sent.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json()).containsEntry("code", "exchange.hub.idempotency-key-reused");
        assertThat(jdbc.sql("select count(*) from hub_edoc where system_id = ? and idempotency_key = ?")
                        .params(HubTest.SELF, key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSamePackageSentAtOnceFromSeveralNodesIsStoredOnce() throws Exception {
        byte[] document = packages.aDocument(department, List.of(ministry), 15, "PDF".getBytes());
        String key = UUID.randomUUID().toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<AxisCaller.Answer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> officeA.sendEdoc(document, key)));
            }
            java.util.Set<Object> ids = new java.util.HashSet<>();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get().status());
                ids.add(answer.get().json().get("id"));
            }

            assertThat(ids).hasSize(1);
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from hub_edoc where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDocumentForAnAgencyNotInTheDirectoryIsRefusedNamingItAndNothingIsStored() {
        String unknown = AxisPackages.anOrganId();
        byte[] document = packages.aDocument(department, List.of(ministry, unknown), 9, "PDF".getBytes());

        AxisCaller.Answer refused = officeA.sendEdoc(document, UUID.randomUUID().toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.unknown-recipient");
        assertThat(refused.json().get("detail").toString()).contains(unknown);
        assertThat(sentFrom(department)).isZero();
    }

    @Test
    void aDocumentFromAnAgencyOfAnotherSystemIsRefused() {
        byte[] document = packages.aDocument(ministry, List.of(department), 10, "PDF".getBytes());

        AxisCaller.Answer refused = officeA.sendEdoc(document, UUID.randomUUID().toString());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.not-your-organ");
        assertThat(sentFrom(ministry)).isZero();
    }

    @Test
    void somethingThatIsNoEdxmlPackageIsRefusedAsMalformed() {
        AxisCaller.Answer refused =
                officeA.sendEdoc("hello".getBytes(), UUID.randomUUID().toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("code", "exchange.edxml.malformed");
    }

    @Test
    void aPackageOverTheLargestSizeIsRefusedWhileItArrivesAndNothingIsStored() {
        byte[] document = packages.aDocument(department, List.of(ministry), 14, new byte[900_000]);

        AxisCaller.Answer refused = officeA.sendEdoc(document, UUID.randomUUID().toString());
        AxisCaller.Answer upload = officeA.request("POST", "/api/v1/axis/uploads")
                .header("Upload-Length", String.valueOf(document.length))
                .send();

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json()).containsEntry("code", "exchange.edxml.too-large");
        assertThat(upload.status()).isEqualTo(413);
        assertThat(sentFrom(department)).isZero();
    }

    @Test
    void aStatusGoesToTheAgencyItAnswersAndItsCodeShowsInTheSendersList() {
        String id = sentToTheMinistry(11);
        byte[] status = packages.aStatus(ministry, department, AxisPackages.documentIdOf(department, 11), "03");

        AxisCaller.Answer sent = officeB.sendEdoc(status, UUID.randomUUID().toString());

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json()).containsEntry("kind", "STATUS").containsEntry("recipients", List.of(department));
        List<Map<String, Object>> statuses =
                officeA.get("/api/v1/axis/edocs/received?kind=STATUS").list();
        assertThat(statuses)
                .filteredOn(w -> w.get("id").equals(sent.json().get("id")))
                .singleElement()
                .satisfies(w -> assertThat(w).containsEntry("statusCode", "03").containsEntry("from", ministry));
        assertThat(officeA.get("/api/v1/axis/edocs/received?kind=DOCUMENT").list())
                .noneMatch(w -> w.get("id").equals(sent.json().get("id")));
        assertThat(sentEntry(id).get(0)).containsEntry("statusCode", "03");
    }

    @Test
    void aRangeOfAPackageIsDownloadedFromTheOffsetAsked() {
        byte[] document = packages.aDocument(department, List.of(ministry), 12, new byte[5000]);
        String id = (String)
                officeA.sendEdoc(document, UUID.randomUUID().toString()).json().get("id");

        AxisCaller.Answer tail = officeB.request("GET", "/api/v1/axis/edocs/" + id)
                .header("Range", "bytes=1000-")
                .send();
        AxisCaller.Answer middle = officeB.request("GET", "/api/v1/axis/edocs/" + id)
                .header("Range", "bytes=10-19")
                .send();
        AxisCaller.Answer pastTheEnd = officeB.request("GET", "/api/v1/axis/edocs/" + id)
                .header("Range", "bytes=" + document.length + "-")
                .send();

        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(document, 1000, document.length));
        assertThat(tail.header("Content-Range"))
                .contains("bytes 1000-" + (document.length - 1) + "/" + document.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(document, 10, 20));
        assertThat(pastTheEnd.status()).isEqualTo(416);
        assertThat(pastTheEnd.json()).containsEntry("code", "exchange.hub.range");
    }

    @Test
    void aPackageIsFetchedOnlyByItsRecipientsAndItsSender() {
        String id = sentToTheMinistry(13);
        // Office B no longer serves the ministry: it is a stranger to the package now.
        officeB.publish(AxisPackages.anOrganId(), "Bộ khác");

        AxisCaller.Answer refused = officeB.get("/api/v1/axis/edocs/" + id);
        AxisCaller.Answer bySender = officeA.get("/api/v1/axis/edocs/" + id);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.edoc-not-found");
        assertThat(bySender.status()).isEqualTo(200);
        assertThat(sentEntry(id).get(0)).containsEntry("state", "PENDING");
    }

    private String sentToTheMinistry(int number) {
        byte[] document = packages.aDocument(department, List.of(ministry), number, "PDF".getBytes());
        AxisCaller.Answer sent = officeA.sendEdoc(document, UUID.randomUUID().toString());
        assertThat(sent.status()).isEqualTo(201);
        return (String) sent.json().get("id");
    }

    private List<Map<String, Object>> waitingFor(AxisCaller system, String id) {
        return system.get("/api/v1/axis/edocs/received?kind=DOCUMENT&limit=1000").list().stream()
                .filter(w -> w.get("id").equals(id))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sentEntry(String id) {
        return officeA.get("/api/v1/axis/edocs/sent?since=2020-01-01T00:00:00Z").list().stream()
                .filter(s -> s.get("id").equals(id))
                .map(s -> (List<Map<String, Object>>) s.get("recipients"))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, String> recipientStates(String id) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        sentEntry(id).forEach(r -> states.put((String) r.get("organId"), (String) r.get("state")));
        return states;
    }

    private long sentFrom(String organId) {
        return jdbc.sql("select count(*) from hub_edoc where from_organ_id = ?")
                .param(organId)
                .query(Long.class)
                .single();
    }

    private static String sha256(byte[] bytes) {
        return AxisSignature.hex(AxisSignature.sha256().digest(bytes));
    }
}
