package vn.congvan.exchange.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy to the hub that drops the first connection once it has carried a given number of
 * bytes in one direction, as a flaky network does; later connections pass untouched.
 */
final class CuttingProxy implements AutoCloseable {

    /** Which way the bytes counted travel. */
    enum Direction {
        TO_HUB,
        FROM_HUB
    }

    private final ServerSocket server;
    private final int hubPort;
    private final Direction direction;
    private final long cutAfter;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicLong fromHub = new AtomicLong();

    CuttingProxy(int hubPort, Direction direction, long cutAfter) throws IOException {
        this.server = new ServerSocket(0);
        this.hubPort = hubPort;
        this.direction = direction;
        this.cutAfter = cutAfter;
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://localhost:" + server.getLocalPort();
    }

    boolean didCut() {
        return cut.get();
    }

    /** Bytes the hub sent through the proxy, on every connection. */
    long bytesFromHub() {
        return fromHub.get();
    }

    private void accept() {
        boolean first = true;
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket hub = new Socket("localhost", hubPort);
                boolean cutThisOne = first;
                first = false;
                pump(client, hub, cutThisOne && direction == Direction.TO_HUB, false);
                pump(hub, client, cutThisOne && direction == Direction.FROM_HUB, true);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean cutting, boolean counted) {
        Thread thread = new Thread(
                () -> {
                    long carried = 0;
                    byte[] buffer = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            if (cutting && carried + n > cutAfter) {
                                out.write(buffer, 0, (int) (cutAfter - carried));
                                out.flush();
                                cut.set(true);
                                break;
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                            carried += n;
                            if (counted) {
                                fromHub.addAndGet(n);
                            }
                        }
                    } catch (IOException dropped) {
                        // the other side went away
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
