package vn.congvan.exchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.congvan.AcrossProcesses;
import vn.congvan.ApiClient;
import vn.congvan.SamplePdf;
import vn.congvan.exchange.e2e.FaultyProxy.Faults;

/**
 * Three real processes on loopback: two office installations and an exchange hub, each on its
 * own database, the offices reaching the hub through a proxy that drops and stalls connections.
 */
@AcrossProcesses
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeAcrossInstallationsTests {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Bounds of waiting only: on a quiet 2-core machine the whole run takes far less. */
    static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(8);

    static final Duration SENDING_TIMEOUT = Duration.ofMinutes(8);
    /** Documents each way; {@code -De2e.documents=20} for a quicker look while working on the test. */
    static final int DOCUMENTS = Integer.getInteger("e2e.documents", 200);
    /**
     * The network during the run: one connection in ten refused, one in ten dropped and one in ten
     * stalled for two seconds, within its first 16 KiB (a letter's package is some 40 KiB). Setting
     * it resets the connections the installations keep open, so every connection of the run is
     * under it, and the first ones meet each fault for sure.
     */
    static final Faults STORM = new Faults(0.1, 0.1, 0.1, Duration.ofSeconds(2), 16 * 1024);

    static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    final List<AutoCloseable> running = new ArrayList<>();
    final Map<String, String> databases = new LinkedHashMap<>();
    CongVanProcess hub;
    FaultyProxy proxy;
    OfficeInstallation bacGiang;
    OfficeInstallation bacNinh;
    OfficeInstallation.Agency financeBacGiang;
    OfficeInstallation.Agency financeBacNinh;

    @BeforeAll
    void aHubAndTwoOfficeInstallationsEachOnItsOwnDatabase() throws IOException {
        try {
            hub = started(CongVanProcess.start("hub", JVM, hubSettings(), environment()));
            proxy = FaultyProxy.start(hub.port(), Faults.NONE, 20261202L);
            running.add(proxy);
            CongVanProcess a = started(CongVanProcess.start(
                    "office-a",
                    JVM,
                    officeSettings("a", "Ủy ban nhân dân tỉnh Bắc Giang", "000.00.00.H10"),
                    environment()));
            CongVanProcess b = started(CongVanProcess.start(
                    "office-b",
                    JVM,
                    officeSettings("b", "Ủy ban nhân dân tỉnh Bắc Ninh", "000.00.00.H27"),
                    environment()));
            hub.awaitHealthy(START_TIMEOUT);
            a.awaitHealthy(START_TIMEOUT);
            b.awaitHealthy(START_TIMEOUT);
            bacGiang = new OfficeInstallation(a, "000.00.00.H10");
            bacNinh = new OfficeInstallation(b, "000.00.00.H27");
            financeBacGiang = bacGiang.openAgency("Sở Tài chính tỉnh Bắc Giang", "STC", "000.00.31.H10", "vanthu.stc");
            financeBacNinh = bacNinh.openAgency("Sở Tài chính tỉnh Bắc Ninh", "STC", "000.00.32.H27", "vanthu.stc");
        } catch (RuntimeException | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    void stopEverything() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("e2e: closing " + running.get(i) + ": " + e);
            }
        }
        running.clear();
    }

    @Test
    @Order(1)
    void eachInstallationRunsInItsOwnProcessAndReachesTheHubThroughTheProxy() throws Exception {
        assertThat(List.of(
                        hub.pid(), bacGiang.process().pid(), bacNinh.process().pid()))
                .doesNotHaveDuplicates()
                .doesNotContain(ProcessHandle.current().pid());
        int before = proxy.counts().connections();

        HttpResponse<String> throughProxy = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + proxy.port() + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(throughProxy.body()).contains("\"UP\"");
        assertThat(proxy.counts().connections()).isGreaterThan(before);
        for (OfficeInstallation.Agency agency : List.of(financeBacGiang, financeBacNinh)) {
            assertThat(agency.clerk().get("/api/v1/units/" + agency.id()).get("organId"))
                    .isEqualTo(agency.organId());
        }
    }

    @Test
    @Order(2)
    void theAgenciesOfBothInstallationsMeetInTheHubsDirectory() {
        HubCalls asA = new HubCalls(hub.url(), "congvan-a", secretOf("a"));

        Eventually.within(
                START_TIMEOUT,
                "both agencies in the hub's directory",
                () -> {
                    Map<String, Object> systems = new LinkedHashMap<>();
                    for (Map<String, Object> agency : asA.agencies()) {
                        systems.put((String) agency.get("organId"), agency.get("systemId"));
                    }
                    return systems.get(financeBacGiang.organId()) != null
                                    && systems.get(financeBacNinh.organId()) != null
                            ? systems
                            : null;
                },
                systems -> {
                    assertThat(systems)
                            .containsEntry(financeBacGiang.organId(), "congvan-a")
                            .containsEntry(financeBacNinh.organId(), "congvan-b")
                            .containsEntry("000.00.00.H10", "congvan-a")
                            .containsEntry("000.00.00.H27", "congvan-b");
                });
        for (var pair : List.of(List.of(financeBacGiang, financeBacNinh), List.of(financeBacNinh, financeBacGiang))) {
            Eventually.within(
                    START_TIMEOUT,
                    pair.get(1).name() + " among the outside agencies of "
                            + pair.get(0).name(),
                    () -> {
                        ApiClient.Answer outside = pair.get(0).clerk().get("/api/v1/outside-agencies");
                        return outside.status() == 200
                                        && outside.body().contains(pair.get(1).organId())
                                ? outside
                                : null;
                    },
                    outside -> assertThat(outside.body())
                            .doesNotContain("\"" + pair.get(0).organId() + "\""));
        }
    }

    @Test
    @Order(3)
    void twoHundredDocumentsEachWayArriveExactlyOnceAndEveryStatusReachesItsSenderDespiteTheNetworkAndAHubKilledMidRun()
            throws Exception {
        long began = System.nanoTime();
        proxy.faults(STORM);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        running.add(clients::shutdownNow);
        AtomicInteger sent = new AtomicInteger();
        Map<String, String> sentByBacGiang = new ConcurrentHashMap<>();
        Map<String, String> sentByBacNinh = new ConcurrentHashMap<>();
        List<Future<?>> sending = new ArrayList<>();
        for (int n = 1; n <= DOCUMENTS; n++) {
            int number = n;
            sending.add(clients.submit(() -> send(financeBacGiang, financeBacNinh, number, sentByBacGiang, sent)));
            sending.add(clients.submit(() -> send(financeBacNinh, financeBacGiang, number, sentByBacNinh, sent)));
        }
        int hubRestarts = killTheHubOnceHalfIsSent(sending);
        for (Future<?> f : sending) {
            f.get(SENDING_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        }
        hub.awaitHealthy(START_TIMEOUT);
        double sentAfter = secondsSince(began);

        Map<String, String> arrivedAtBacNinh = arrivalsOnceEach(financeBacNinh, sentByBacGiang.keySet());
        Map<String, String> arrivedAtBacGiang = arrivalsOnceEach(financeBacGiang, sentByBacNinh.keySet());
        FaultyProxy.Counts storm = proxy.counts();
        double arrivedAfter = secondsSince(began);

        List<Future<?>> answering = new ArrayList<>();
        answering.addAll(answerEach(clients, financeBacNinh, arrivedAtBacNinh));
        answering.addAll(answerEach(clients, financeBacGiang, arrivedAtBacGiang));
        for (Future<?> f : answering) {
            f.get(SENDING_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        }
        statusesReachTheirSender(financeBacGiang, sentByBacGiang);
        statusesReachTheirSender(financeBacNinh, sentByBacNinh);
        clients.shutdown();
        double answeredAfter = secondsSince(began);

        int statusPackages = theHubKeptEachDocumentOnceWithItsLastStatus("a", sentByBacGiang)
                + theHubKeptEachDocumentOnceWithItsLastStatus("b", sentByBacNinh);
        assertThat(arrivalsOf(financeBacNinh))
                .as("nothing arrives twice, even late")
                .hasSize(DOCUMENTS);
        assertThat(arrivalsOf(financeBacGiang))
                .as("nothing arrives twice, even late")
                .hasSize(DOCUMENTS);
        long refusals = java.util.stream.Stream.of(sentByBacGiang, sentByBacNinh)
                .flatMap(sentDocuments -> sentDocuments.keySet().stream())
                .filter(ExchangeAcrossInstallationsTests::refused)
                .count();
        assertThat(refusals)
                .as("some letters refused (02), the others registered (03)")
                .isBetween(1L, 2L * DOCUMENTS - 1);
        System.out.printf(
                """
                e2e exchange: sent %d (%d each way), received %d at Bắc Ninh and %d at Bắc Giang, %d registered \
                (03) and %d refused (02) with their status back at the sender (%d status packages at the hub), duplicates \
                suppressed %d (inbox) and %d send retries; proxy during the storm: %s; hub restarts %d; \
                all sent after %.0f s, all arrived after %.0f s, every status back after %.0f s
                """,
                sent.get(),
                DOCUMENTS,
                arrivedAtBacNinh.size(),
                arrivedAtBacGiang.size(),
                2L * DOCUMENTS - refusals,
                refusals,
                statusPackages,
                count("a", "select count(*) from axis_inbox where state = 'DUPLICATE'")
                        + count("b", "select count(*) from axis_inbox where state = 'DUPLICATE'"),
                count("a", "select coalesce(sum(greatest(attempts - 1, 0)), 0) from axis_outbox")
                        + count("b", "select coalesce(sum(greatest(attempts - 1, 0)), 0) from axis_outbox"),
                storm,
                hubRestarts,
                sentAfter,
                arrivedAfter,
                answeredAfter);
        assertThat(hubRestarts).isEqualTo(1);
        assertThat(storm.dropped()).isPositive();
        assertThat(storm.stalled()).isPositive();
        assertThat(storm.refused()).isPositive();
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    /** The clerk issues a letter with an attachment to the other installation's agency and sends it through the axis. */
    private void send(
            OfficeInstallation.Agency from,
            OfficeInstallation.Agency to,
            int number,
            Map<String, String> sentDocuments,
            AtomicInteger sent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", from.id().toString());
        m.put("typeName", "Công văn");
        m.put("subject", "Về việc trao đổi số liệu ngân sách, lần " + number);
        m.put("signerPosition", "Giám đốc");
        m.put("signerFullName", "Nguyễn Văn An");
        m.put("recipients", List.of(Map.of("organId", to.organId(), "organName", to.name())));
        ApiClient.Answer issued = from.clerk()
                .multipart(
                        "/api/v1/documents/outgoing",
                        m,
                        ApiClient.FilePart.pdf(
                                "cong-van-" + number + ".pdf", SamplePdf.withText("CÔNG VĂN số " + number)),
                        List.of(ApiClient.FilePart.pdf(
                                "phu-luc-" + number + ".pdf", SamplePdf.withText("PHỤ LỤC " + number))),
                        "e2e-" + from.organId() + "-" + number);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = (String) issued.get("id");
        ApiClient.Answer exchanged = from.clerk().postJson("/api/v1/documents/" + id + "/exchange", Map.of());
        assertThat(exchanged.status()).as(exchanged.body()).isBetween(200, 202);
        sentDocuments.put((String) issued.get("documentId"), id);
        sent.incrementAndGet();
    }

    /** Kills the hub with kill -9 once the first half of the documents is sent, and starts it again at once. */
    private int killTheHubOnceHalfIsSent(List<Future<?>> sending) throws Exception {
        for (Future<?> f : sending.subList(0, sending.size() / 2)) {
            f.get(SENDING_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        }
        hub.kill();
        hub.restart();
        return hub.starts() - 1;
    }

    /** Waits until every document sent to the agency is in its tray of electronic arrivals, and each only once. */
    private Map<String, String> arrivalsOnceEach(OfficeInstallation.Agency agency, java.util.Set<String> expected) {
        return Eventually.within(
                        ARRIVAL_TIMEOUT,
                        DOCUMENTS + " arrivals at " + agency.name(),
                        () -> {
                            List<Map<?, ?>> arrivals = arrivalsOf(agency);
                            return arrivals.size() >= expected.size() ? arrivals : null;
                        },
                        arrivals -> {
                            Map<String, Long> perDocumentId = arrivals.stream()
                                    .collect(Collectors.groupingBy(
                                            a -> (String) a.get("documentId"), Collectors.counting()));
                            assertThat(perDocumentId.values())
                                    .as("each DocumentId once")
                                    .containsOnly(1L);
                            assertThat(perDocumentId.keySet()).containsExactlyInAnyOrderElementsOf(expected);
                        })
                .stream()
                .collect(Collectors.toMap(a -> (String) a.get("documentId"), a -> (String) a.get("id")));
    }

    private static List<Map<?, ?>> arrivalsOf(OfficeInstallation.Agency agency) {
        ApiClient.Answer tray = agency.clerk().get("/api/v1/units/" + agency.id() + "/electronic-arrivals?limit=500");
        assertThat(tray.status()).as(tray.body()).isEqualTo(200);
        return tray.list().stream().<Map<?, ?>>map(a -> (Map<?, ?>) a).toList();
    }

    /** The receiving clerk registers every arrival (03) but refuses each tenth letter (02). */
    private static List<Future<?>> answerEach(
            ExecutorService clients, OfficeInstallation.Agency agency, Map<String, String> arrivals) {
        List<Future<?>> answers = new ArrayList<>();
        for (Map.Entry<String, String> arrival : arrivals.entrySet()) {
            answers.add(clients.submit(() -> {
                ApiClient.Answer answer = refused(arrival.getKey())
                        ? agency.clerk()
                                .postJson(
                                        "/api/v1/electronic-arrivals/" + arrival.getValue() + "/refusal",
                                        Map.of("comment", "Gửi nhầm đơn vị", "reason", "Gửi nhầm đơn vị"))
                        : agency.clerk()
                                .postJson(
                                        "/api/v1/electronic-arrivals/" + arrival.getValue() + "/registration",
                                        Map.of());
                assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
            }));
        }
        return answers;
    }

    /** Each tenth letter by its number, read from its DocumentId {@code <OrganId>,<yyyy/MM/dd>,<number>/<notation>}. */
    private static boolean refused(String documentId) {
        String numberAndNotation = documentId.substring(documentId.lastIndexOf(',') + 1);
        return Integer.parseInt(numberAndNotation.substring(0, numberAndNotation.indexOf('/'))) % 10 == 0;
    }

    /** Every recipient's status of every document sent reaches the sender: 03 registered or 02 refused. */
    private static void statusesReachTheirSender(OfficeInstallation.Agency sender, Map<String, String> sentDocuments) {
        java.util.Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(sentDocuments.keySet());
        Eventually.within(
                ARRIVAL_TIMEOUT,
                "every status back at " + sender.name(),
                () -> {
                    for (String documentId : List.copyOf(waiting)) {
                        ApiClient.Answer states = sender.clerk()
                                .get("/api/v1/documents/" + sentDocuments.get(documentId) + "/recipients");
                        String expected = refused(documentId) ? "02" : "03";
                        if (states.status() == 200
                                && states.list().stream()
                                        .anyMatch(r -> expected.equals(((Map<?, ?>) r).get("statusCode")))) {
                            waiting.remove(documentId);
                        }
                    }
                    return waiting.isEmpty() ? waiting : null;
                },
                ignored -> {});
    }

    /**
     * The hub's own account of what a system sent: each document package once (whatever the
     * retries), with its recipient's last status code; returns the number of status packages.
     */
    private int theHubKeptEachDocumentOnceWithItsLastStatus(String system, Map<String, String> sentDocuments) {
        List<Map<String, Object>> sentAtHub = new HubCalls(hub.url(), "congvan-" + system, secretOf(system)).sent();
        Map<String, List<Map<String, Object>>> documents = sentAtHub.stream()
                .filter(p -> "DOCUMENT".equals(p.get("kind")))
                .collect(Collectors.groupingBy(p -> (String) p.get("documentId")));
        assertThat(documents.keySet()).containsExactlyInAnyOrderElementsOf(sentDocuments.keySet());
        documents.forEach((documentId, packages) -> {
            assertThat(packages).as(documentId + " kept once by the hub").hasSize(1);
            List<?> recipients = (List<?>) packages.get(0).get("recipients");
            assertThat(recipients)
                    .singleElement()
                    .satisfies(r ->
                            assertThat(((Map<?, ?>) r).get("statusCode")).isEqualTo(refused(documentId) ? "02" : "03"));
        });
        return (int)
                sentAtHub.stream().filter(p -> "STATUS".equals(p.get("kind"))).count();
    }

    private long count(String process, String sql) {
        try (Connection c = DriverManager.getConnection(
                        databases.get(process), ProcessDatabases.username(), ProcessDatabases.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private CongVanProcess started(CongVanProcess process) {
        running.add(process);
        return process;
    }

    private Map<String, String> hubSettings() throws IOException {
        Map<String, String> settings = commonSettings("hub");
        settings.put("congvan.province.name", "Trục liên thông văn bản");
        settings.put("congvan.province.code", "000.00.00.H99");
        settings.put("congvan.exchange.hub.enabled", "true");
        settings.put("congvan.exchange.hub.systems.congvan-a", secretOf("a"));
        settings.put("congvan.exchange.hub.systems.congvan-b", secretOf("b"));
        // Each office publishes only its own province's codes, as a hub's installation script would allow.
        settings.put("congvan.exchange.hub.initial-organs.congvan-a", "*.H10");
        settings.put("congvan.exchange.hub.initial-organs.congvan-b", "*.H27");
        return settings;
    }

    private Map<String, String> officeSettings(String name, String province, String code) throws IOException {
        Map<String, String> settings = commonSettings(name);
        settings.put("congvan.province.name", province);
        settings.put("congvan.province.code", code);
        settings.put("congvan.exchange.axis.url", "http://localhost:" + proxy.port());
        settings.put("congvan.exchange.axis.system-id", "congvan-" + name);
        settings.put("congvan.exchange.axis.secret", secretOf(name));
        // Short intervals and back-off, so that the run converges in seconds once the network heals.
        settings.put("congvan.exchange.axis.poll-interval", "PT1S");
        settings.put("congvan.exchange.axis.directory-interval", "PT5S");
        settings.put("congvan.exchange.axis.directory-first-delay", "PT2S");
        settings.put("congvan.exchange.axis.retry-initial", "PT0.5S");
        settings.put("congvan.exchange.axis.retry-max", "PT4S");
        settings.put("congvan.exchange.axis.connect-timeout", "PT2S");
        settings.put("congvan.exchange.axis.request-timeout", "PT10S");
        return settings;
    }

    private Map<String, String> commonSettings(String name) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        String database = ProcessDatabases.create(name.replace('-', '_'));
        databases.put(name, database);
        settings.put("congvan.db.url", database);
        settings.put("congvan.db.username", ProcessDatabases.username());
        settings.put("congvan.db.password", ProcessDatabases.password());
        settings.put(
                "congvan.data-dir",
                Files.createTempDirectory("congvan-e2e-" + name).toString());
        settings.put("congvan.demo.enabled", "false");
        return settings;
    }

    private static Map<String, String> environment() {
        return Map.of("CONGVAN_DEMO_PASSWORD", OfficeInstallation.PASSWORD);
    }

    private static String secretOf(String name) {
        return "e2e-shared-secret-of-" + name + "-2026";
    }
}
