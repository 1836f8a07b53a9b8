package vn.congvan.exchange.axis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The hub's HTTP as a scheduled job meets it: a hub that starts an answer and stops sending must
 * not hold the job (and its cluster lock) forever, and a hub cannot make the client hold more than a
 * bounded answer in memory. Against a real HTTP server of the JDK on a local port.
 */
class AxisHttpTests {

    private static final byte[] HALF_AN_ANSWER = "{\"items\":[".getBytes(StandardCharsets.UTF_8);

    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer hub;
    private AxisHttp http;

    @BeforeEach
    void startAHubThatStallsOrFloods() throws IOException {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.setExecutor(Executors.newCachedThreadPool());
        hub.createContext("/stalls", exchange -> {
            exchange.sendResponseHeaders(200, 1_000);
            OutputStream body = exchange.getResponseBody();
            body.write(HALF_AN_ANSWER);
            body.flush();
            awaitRelease();
            exchange.close();
        });
        hub.createContext("/floods", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] chunk = new byte[1024 * 1024];
                for (long sent = 0; sent <= AxisHttp.ANSWER_LIMIT; sent += chunk.length) {
                    body.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // the client stops reading once the answer is too long
            }
        });
        hub.start();
        String url = "http://127.0.0.1:" + hub.getAddress().getPort();
        http = new AxisHttp(
                new AxisProperties(
                        url,
                        "000.00.00.H01",
                        "a-secret",
                        null,
                        null,
                        null,
                        null,
                        null,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        DataSize.ofMegabytes(1),
                        null),
                Clock.systemUTC());
    }

    @AfterEach
    void stopTheHub() {
        released.countDown();
        hub.stop(0);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anAnswerWhoseBytesStopFlowingIsCutOffInsteadOfHoldingTheJob() {
        assertThatThrownBy(() -> http.send("GET", "/stalls", AxisHttp.Body.NONE, Map.of()))
                .isInstanceOf(IOException.class);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDownloadWhoseBytesStopFlowingFailsAndKeepsWhatArrived(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("package.part"));

        assertThatThrownBy(() -> http.download("/stalls", file, 0)).isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(HALF_AN_ANSWER);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anAnswerLongerThanAnyTheHubGivesIsRefused() {
        assertThatThrownBy(() -> http.send("GET", "/floods", AxisHttp.Body.NONE, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("longer than");
    }

    private void awaitRelease() {
        try {
            released.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
