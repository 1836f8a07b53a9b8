package vn.congvan.exchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import vn.congvan.AcrossProcesses;
import vn.congvan.ApiClient;
import vn.congvan.SamplePdf;
import vn.congvan.directory.DemoProvince;

/**
 * The drill of a default installation (embedded PostgreSQL, demo province) in a JVM of its own, on
 * a fresh data directory under {@code target/}: documents are registered, CongVan is killed with
 * {@code kill -9} (alone, with its database's watchdog, then with the database itself), started
 * again on the same directory, and every document it had acknowledged must still be there, with
 * an intact audit chain.
 */
@AcrossProcesses
class CrashDrillTests {

    static final String PASSWORD = "Dien-tap-su-co-2026";
    static final Duration START = Duration.ofMinutes(5);

    Path dataDir =
            Path.of("target", "crash-drill", UUID.randomUUID().toString()).toAbsolutePath();
    CongVanProcess server;

    @AfterEach
    void stopWhatIsLeft() throws IOException {
        if (server != null) {
            server.close();
        }
        // A failed step may leave the database running: it must not outlive the test run.
        CongVanProcess.postmasterOn(dataDir).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void everyAcknowledgedDocumentAndTheAuditChainSurviveAKill9OfCongVanAndOfItsDatabase() throws Exception {
        server = CongVanProcess.start(
                "crash-drill",
                // Compiled by C1 alone and collected by the serial collector, as the other drills' servers:
                // a server that mostly starts needs half the processor time so (the three drills in one
                // run: 563 processor-seconds with C2 and G1 here, 420 so).
                List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"),
                // The demo province without its year of correspondence: the drill numbers its own
                // documents from 1, and the first start is ready without registering 470 documents.
                Map.of(
                        "congvan.data-dir",
                        dataDir.toString(),
                        "congvan.demo.password",
                        PASSWORD,
                        "congvan.demo.documents",
                        "false"),
                Map.of());
        server.awaitHealthy(START);
        theDatabaseRefusesStrangersAndTheApplicationCannotRewriteTheAuditTrail();
        List<String> acknowledged = new ArrayList<>();

        // 1. CongVan alone is killed (an out-of-memory kill): its database stops with it.
        acknowledged.addAll(registerDocuments(3));
        assertThat(signedIn(DemoProvince.clerkOf(DemoProvince.COMMITTEE))
                        .get("/api/v1/documents/" + acknowledged.get(0))
                        .get("arrivalNumber"))
                .as("the committee's register started empty")
                .isEqualTo(1);
        ProcessHandle database = CongVanProcess.postmasterOn(dataDir).orElseThrow();
        server.kill();
        assertThat(database.onExit()
                        .completeOnTimeout(null, 60, TimeUnit.SECONDS)
                        .get())
                .as("the database of a killed CongVan stops by itself")
                .isNotNull();
        server.restart().awaitHealthy(START);
        assertEveryDocumentIsThere(acknowledged);

        // 2. CongVan and the watchdog of its database are killed: the database is left running,
        // and the next start stops it instead of failing on its data directory.
        acknowledged.addAll(registerDocuments(3));
        database = CongVanProcess.postmasterOn(dataDir).orElseThrow();
        watchdogOf(server.pid()).destroyForcibly();
        server.kill();
        Thread.sleep(2_000);
        assertThat(database.isAlive()).as("the left database still runs").isTrue();
        server.restart().awaitHealthy(START);
        assertThat(database.isAlive())
                .as("the left database was stopped by the new start")
                .isFalse();
        assertEveryDocumentIsThere(acknowledged);

        // 3. Everything is killed at once, the database too (a power cut, as far as a test can
        // go): the next start recovers from the write-ahead log.
        acknowledged.addAll(registerDocuments(3));
        database = CongVanProcess.postmasterOn(dataDir).orElseThrow();
        watchdogOf(server.pid()).destroyForcibly();
        server.kill();
        database.descendants().forEach(ProcessHandle::destroyForcibly);
        database.destroyForcibly();
        database.onExit().get(30, TimeUnit.SECONDS);
        assertThat(dataDir.resolve("pgdata").resolve("postmaster.pid"))
                .as("the database ended without a shutdown checkpoint")
                .exists();
        server.restart().awaitHealthy(START);
        assertEveryDocumentIsThere(acknowledged);
        assertThat(Files.readString(server.log()))
                .as("every start tells where to open CongVan and whom to sign in as")
                .contains("CongVan answers at " + server.url() + "/", "vanthu.ubnd");
    }

    /** The running installation's own database: passwords required, the application's role restricted. */
    private void theDatabaseRefusesStrangersAndTheApplicationCannotRewriteTheAuditTrail() throws Exception {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("pgdata").resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pidFile.get(3).trim() + "/congvan";
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        String password = Files.readString(dataDir.resolve("db-secrets").resolve("congvan_app.password"))
                .strip();
        try (Connection app = DriverManager.getConnection(url, "congvan_app", password);
                Statement statement = app.createStatement()) {
            for (String rewrite : List.of(
                    "update audit_record set actor_name = 'x'",
                    "delete from audit_record",
                    "truncate audit_record",
                    "alter table audit_record disable trigger all")) {
                assertThatThrownBy(() -> statement.execute(rewrite))
                        .as(rewrite)
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState())
                        .isEqualTo("42501");
            }
        }
    }

    /** Registers incoming documents as the committee's clerk; returns the ids of those acknowledged with 201. */
    private List<String> registerDocuments(int count) {
        ApiClient clerk = signedIn(DemoProvince.clerkOf(DemoProvince.COMMITTEE));
        String unitId = committeeId();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("unitId", unitId);
            metadata.put("typeName", "Công văn");
            metadata.put("codeNumber", Integer.toString(100 + server.starts() * 10 + i));
            metadata.put("codeNotation", "STC-NS");
            metadata.put("issuedDate", LocalDate.now().minusDays(1).toString());
            metadata.put("organName", "Sở Tài chính");
            metadata.put("subject", "Diễn tập sự cố lần " + server.starts() + ", văn bản " + (i + 1));
            ApiClient.Answer registered = clerk.multipart(
                    "/api/v1/documents/incoming",
                    metadata,
                    ApiClient.FilePart.pdf("cv.pdf", SamplePdf.withText("Diễn tập " + server.starts() + "/" + i)),
                    List.of());
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            ids.add((String) registered.get("id"));
        }
        return ids;
    }

    private void assertEveryDocumentIsThere(List<String> acknowledged) {
        ApiClient clerk = signedIn(DemoProvince.clerkOf(DemoProvince.COMMITTEE));
        for (String id : acknowledged) {
            ApiClient.Answer document = clerk.get("/api/v1/documents/" + id);
            assertThat(document.status())
                    .as("document " + id + ": " + document.body())
                    .isEqualTo(200);
        }
        ApiClient.Answer verification = signedIn(DemoProvince.ADMINISTRATOR).get("/api/v1/audit/verification");
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.get("intact")).as(verification.body()).isEqualTo(true);
    }

    private String committeeId() {
        ApiClient.Answer units = signedIn(DemoProvince.ADMINISTRATOR).get("/api/v1/units?level=PROVINCE");
        assertThat(units.status()).as(units.body()).isEqualTo(200);
        for (Object unit : units.list()) {
            Map<?, ?> u = (Map<?, ?>) unit;
            if (DemoProvince.PROVINCE_CODE.equals(u.get("organId"))) {
                return (String) u.get("id");
            }
        }
        throw new AssertionError("no committee in " + units.body());
    }

    private ApiClient signedIn(String username) {
        Map<?, ?> token = RestClient.create(server.url())
                .post()
                .uri("/api/v1/auth/token")
                .body(Map.of("username", username, "password", PASSWORD))
                .retrieve()
                .body(Map.class);
        return new ApiClient(server.port(), (String) token.get("token"));
    }

    /** The child process of CongVan that stops its database when CongVan is gone. */
    private static ProcessHandle watchdogOf(long congVan) {
        return ProcessHandle.of(congVan)
                .orElseThrow()
                .children()
                .filter(child ->
                        child.info().arguments().map(List::of).orElse(List.of()).contains("congvan-postgres-watchdog"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("CongVan " + congVan + " has no database watchdog"));
    }
}
