package vn.congvan.exchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.congvan.exchange.e2e.FaultyProxy.Faults;

/** The faulty proxy against a plain socket echo: what it lets through, what it breaks, and that it counts it. */
class FaultyProxyTests {

    static final int MESSAGE = 256 * 1024;

    ServerSocket echo;
    Thread echoing;

    @BeforeEach
    void anEchoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echoing = new Thread(() -> {
            while (true) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> echoBack(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        echoing.setDaemon(true);
        echoing.start();
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    @Test
    void withoutFaultsEveryByteComesBackInOrder() throws Exception {
        try (FaultyProxy proxy = FaultyProxy.start(echo.getLocalPort(), Faults.NONE, 1)) {
            byte[] message = message(7);
            for (int i = 0; i < 3; i++) {
                assertThat(roundTrip(proxy.port(), message)).isEqualTo(message);
            }
            FaultyProxy.Counts counts = proxy.counts();
            assertThat(counts.connections()).isEqualTo(3);
            assertThat(counts.refused() + counts.dropped() + counts.stalled()).isZero();
            assertThat(counts.bytes()).isEqualTo(3L * 2 * MESSAGE);
        }
    }

    @Test
    void aRefusedConnectionIsResetBeforeAnyByteComesBack() throws Exception {
        try (FaultyProxy proxy = FaultyProxy.start(echo.getLocalPort(), new Faults(1, 0, 0, Duration.ZERO, 1), 1)) {
            byte[] answer = roundTripOrWhatCame(proxy.port(), message(1));
            assertThat(answer).isEmpty();
            assertThat(proxy.counts().refused()).isEqualTo(1);
            assertThat(proxy.counts().bytes()).isZero();
        }
    }

    @Test
    void aDroppedConnectionEndsBeforeTheWholeMessageCameBack() throws Exception {
        try (FaultyProxy proxy =
                FaultyProxy.start(echo.getLocalPort(), new Faults(0, 1, 0, Duration.ZERO, MESSAGE), 3)) {
            byte[] message = message(2);
            byte[] answer = roundTripOrWhatCame(proxy.port(), message);
            assertThat(answer.length).isLessThan(MESSAGE);
            assertThat(answer).isEqualTo(java.util.Arrays.copyOf(message, answer.length));
            assertThat(proxy.counts().dropped()).isEqualTo(1);
            assertThat(proxy.counts().connections()).isEqualTo(1);
        }
    }

    @Test
    void aStalledConnectionDeliversEverythingOnceTheStallIsOver() throws Exception {
        try (FaultyProxy proxy =
                FaultyProxy.start(echo.getLocalPort(), new Faults(0, 0, 1, Duration.ofMillis(200), MESSAGE), 5)) {
            byte[] message = message(3);
            assertThat(roundTrip(proxy.port(), message)).isEqualTo(message);
            assertThat(proxy.counts().stalled()).isEqualTo(1);
            assertThat(proxy.counts().dropped()).isZero();
        }
    }

    @Test
    void theSameSeedBreaksTheSameConnectionsAndRatesChangeWhileRunning() throws Exception {
        Faults half = new Faults(0.3, 0.3, 0, Duration.ZERO, 64 * 1024);
        List<String> first = fates(half, 42);
        List<String> second = fates(half, 42);
        assertThat(first).isEqualTo(second).contains("refused", "dropped", "whole");
        assertThat(fates(half, 43)).isNotEqualTo(first);

        try (FaultyProxy proxy = FaultyProxy.start(echo.getLocalPort(), new Faults(1, 0, 0, Duration.ZERO, 1), 9)) {
            assertThat(roundTripOrWhatCame(proxy.port(), message(4))).isEmpty();
            proxy.faults(Faults.NONE);
            byte[] message = message(5);
            assertThat(roundTrip(proxy.port(), message)).isEqualTo(message);
            assertThat(proxy.counts().refused()).isEqualTo(1);
            assertThat(proxy.counts().connections()).isEqualTo(2);
        }
    }

    @Test
    void aChangeOfNetworkResetsTheOpenConnectionsAndTheFirstNewOnesMeetEachFault() throws Exception {
        try (FaultyProxy proxy = FaultyProxy.start(echo.getLocalPort(), Faults.NONE, 11);
                Socket kept = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            byte[] message = message(6);
            kept.setSoTimeout(10_000);
            kept.getOutputStream().write(message, 0, 1024);
            kept.getInputStream().readNBytes(1024);

            proxy.faults(new Faults(0.01, 0.01, 0.01, Duration.ofMillis(100), MESSAGE));
            assertThat(broken(kept)).as("the open connection is reset").isTrue();
            byte[] refused = roundTripOrWhatCame(proxy.port(), message);
            byte[] dropped = roundTripOrWhatCame(proxy.port(), message);
            byte[] stalled = roundTripOrWhatCame(proxy.port(), message);

            assertThat(refused).isEmpty();
            assertThat(dropped).as("dropped at its first byte").isEmpty();
            assertThat(stalled).as("held a while, then whole").isEqualTo(message);
            FaultyProxy.Counts counts = proxy.counts();
            assertThat(List.of(counts.refused(), counts.dropped(), counts.stalled()))
                    .containsExactly(1, 1, 1);
        }
    }

    private static boolean broken(Socket socket) {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    /** What happens to twenty connections made one after another. */
    private List<String> fates(Faults faults, long seed) throws Exception {
        List<String> fates = new ArrayList<>();
        try (FaultyProxy proxy = FaultyProxy.start(echo.getLocalPort(), faults, seed)) {
            for (int i = 0; i < 20; i++) {
                byte[] answer = roundTripOrWhatCame(proxy.port(), message(i));
                fates.add(
                        answer.length == MESSAGE
                                ? "whole"
                                : proxy.counts().refused() > countOf(fates, "refused") ? "refused" : "dropped");
            }
            assertThat(proxy.counts().refused()).isEqualTo(countOf(fates, "refused"));
            assertThat(proxy.counts().dropped()).isEqualTo(countOf(fates, "dropped"));
        }
        return fates;
    }

    private static int countOf(List<String> fates, String fate) {
        return (int) fates.stream().filter(fate::equals).count();
    }

    private static byte[] message(long seed) {
        byte[] message = new byte[MESSAGE];
        new Random(seed).nextBytes(message);
        return message;
    }

    private static byte[] roundTrip(int port, byte[] message) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            Thread writer = writeAndHalfClose(socket, message);
            byte[] answer = socket.getInputStream().readAllBytes();
            join(writer);
            return answer;
        }
    }

    /** The bytes that came back before the connection ended, orderly or by a reset. */
    private static byte[] roundTripOrWhatCame(int port, byte[] message) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            Thread writer = writeAndHalfClose(socket, message);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                InputStream in = socket.getInputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // what a broken path looks like
            }
            join(writer);
            return received.toByteArray();
        }
    }

    private static Thread writeAndHalfClose(Socket socket, byte[] message) {
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(message);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException reset) {
                // the proxy broke the connection
            }
        });
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    private static void join(Thread writer) {
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void echoBack(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            socket.shutdownOutput();
        } catch (IOException ignored) {
            // the proxy reset the connection
        }
    }
}
