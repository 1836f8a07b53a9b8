package vn.congvan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy to a server (the hub, CongVan) that drops each of its first connections once it has
 * carried a given number of bytes in one direction, as a flaky network does; later connections
 * pass untouched.
 */
public final class CuttingProxy implements AutoCloseable {

    /** Which way the bytes counted travel. */
    public enum Direction {
        TO_HUB,
        FROM_HUB
    }

    private final ServerSocket server;
    private final int hubPort;
    private final Direction direction;
    private final long cutAfter;
    private final int cuts;
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicLong fromHub = new AtomicLong();

    /** Drops the first connection only. */
    public CuttingProxy(int hubPort, Direction direction, long cutAfter) throws IOException {
        this(hubPort, direction, cutAfter, 1);
    }

    /**
     * Drops connections after {@code cutAfter} bytes, the first {@code cuts} that carry that many: a
     * connection the other side ends sooner (a refusal that closes it) does not use up a cut.
     */
    public CuttingProxy(int hubPort, Direction direction, long cutAfter, int cuts) throws IOException {
        this.cuts = cuts;
        this.server = new ServerSocket(0);
        this.hubPort = hubPort;
        this.direction = direction;
        this.cutAfter = cutAfter;
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://localhost:" + server.getLocalPort();
    }

    public boolean didCut() {
        return made.get() > 0;
    }

    /** How many connections it has dropped. */
    public int cutsMade() {
        return made.get();
    }

    /** Bytes the hub sent through the proxy, on every connection. */
    public long bytesFromHub() {
        return fromHub.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket hub = new Socket("localhost", hubPort);
                pump(client, hub, direction == Direction.TO_HUB, false);
                pump(hub, client, direction == Direction.FROM_HUB, true);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Whether a cut is still to be made; counts it when it is. */
    private boolean takeCut() {
        while (true) {
            int done = made.get();
            if (done >= cuts) {
                return false;
            }
            if (made.compareAndSet(done, done + 1)) {
                return true;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean cutting, boolean counted) {
        Thread thread = new Thread(
                () -> {
                    long carried = 0;
                    byte[] buffer = new byte[64 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            if (cutting && carried + n > cutAfter && takeCut()) {
                                out.write(buffer, 0, (int) (cutAfter - carried));
                                out.flush();
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
