package vn.congvan.exchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.congvan.exchange.e2e.FaultyProxy.Faults;

/**
 * Three real processes on loopback: two office installations and an exchange hub, each on its
 * own database, the offices reaching the hub through a proxy that drops and stalls connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeAcrossInstallationsTests {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");

    final List<AutoCloseable> running = new ArrayList<>();
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
            CongVanProcess a = started(CongVanProcess.start("office-a", JVM,
                    officeSettings("a", "Ủy ban nhân dân tỉnh Bắc Giang", "000.00.00.H10"), environment()));
            CongVanProcess b = started(CongVanProcess.start("office-b", JVM,
                    officeSettings("b", "Ủy ban nhân dân tỉnh Bắc Ninh", "000.00.00.H27"), environment()));
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
        assertThat(List.of(hub.pid(), bacGiang.process().pid(), bacNinh.process().pid())).doesNotHaveDuplicates()
                .doesNotContain(ProcessHandle.current().pid());
        int before = proxy.counts().connections();

        HttpResponse<String> throughProxy = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + proxy.port() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(throughProxy.body()).contains("\"UP\"");
        assertThat(proxy.counts().connections()).isGreaterThan(before);
        for (OfficeInstallation.Agency agency : List.of(financeBacGiang, financeBacNinh)) {
            assertThat(agency.clerk().get("/api/v1/units/" + agency.id()).get("organId")).isEqualTo(agency.organId());
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
        settings.put("congvan.exchange.axis.retry-initial", "PT0.5S");
        settings.put("congvan.exchange.axis.retry-max", "PT4S");
        settings.put("congvan.exchange.axis.connect-timeout", "PT2S");
        settings.put("congvan.exchange.axis.request-timeout", "PT10S");
        return settings;
    }

    private static Map<String, String> commonSettings(String name) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("congvan.db.url", ProcessDatabases.create(name.replace('-', '_')));
        settings.put("congvan.db.username", ProcessDatabases.username());
        settings.put("congvan.db.password", ProcessDatabases.password());
        settings.put("congvan.data-dir", Files.createTempDirectory("congvan-e2e-" + name).toString());
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
