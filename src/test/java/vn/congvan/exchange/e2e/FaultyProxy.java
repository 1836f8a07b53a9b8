package vn.congvan.exchange.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that forwards to a target and, at random (seeded), refuses new
 * connections, drops connections in the middle of their traffic and stalls them for a while: the
 * ordinary Internet that half of the province's units work over. It counts what it did.
 *
 * <p>A change of the rates is a change of network: the connections open at that moment are reset
 * (clients keep their connections alive, and would otherwise carry on under the old rates), and the
 * first new connections meet each fault the new rates allow once, at their first byte, so that a
 * short run under faults cannot pass without them; later connections are drawn at random.
 */
final class FaultyProxy implements AutoCloseable {

    /**
     * How often faults happen: each new connection is refused with probability {@code refuseRate};
     * otherwise it is dropped with probability {@code dropRate} once a random number of bytes below
     * {@code faultWithinBytes} has passed it (both directions counted), or else stalled with
     * probability {@code stallRate} for {@code stallFor} at such a point.
     */
    record Faults(double refuseRate, double dropRate, double stallRate, Duration stallFor, int faultWithinBytes) {

        static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, 1);

        Faults {
            if (refuseRate < 0 || dropRate < 0 || stallRate < 0 || refuseRate + dropRate + stallRate > 1) {
                throw new IllegalArgumentException("rates between 0 and 1 whose sum is at most 1");
            }
            if (faultWithinBytes < 1) {
                throw new IllegalArgumentException("faultWithinBytes must be positive");
            }
        }
    }

    /** What the proxy did so far. */
    record Counts(int connections, int refused, int dropped, int stalled, long bytes) {
        @Override
        public String toString() {
            return connections + " connections, " + refused + " refused, " + dropped + " dropped mid-stream, " + stalled
                    + " stalled, " + bytes + " bytes forwarded";
        }
    }

    private enum Fate {
        PASS,
        REFUSE,
        DROP,
        STALL
    }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Random random;
    /** The faults the next connections meet for sure, guarded by {@code random}. */
    private final Deque<Fate> certain = new ArrayDeque<>();

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile Faults faults;
    private volatile boolean closed;

    private FaultyProxy(ServerSocket listener, int targetPort, Faults faults, long seed) {
        this.listener = listener;
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.faults = faults;
        this.random = new Random(seed);
    }

    /** Starts a proxy on a free loopback port in front of {@code targetPort}. */
    static FaultyProxy start(int targetPort, Faults faults, long seed) throws IOException {
        return start(0, targetPort, faults, seed);
    }

    /** Starts a proxy on {@code port} (0: any free one) in front of {@code targetPort}. */
    static FaultyProxy start(int port, int targetPort, Faults faults, long seed) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        FaultyProxy proxy = new FaultyProxy(listener, targetPort, faults, seed);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * Changes the network: the rates for connections accepted from now on, the open connections
     * reset, and each fault the rates allow met once by the first connections.
     */
    void faults(Faults faults) {
        synchronized (random) {
            this.faults = faults;
            certain.clear();
            if (faults.refuseRate() > 0) {
                certain.add(Fate.REFUSE);
            }
            if (faults.dropRate() > 0) {
                certain.add(Fate.DROP);
            }
            if (faults.stallRate() > 0) {
                certain.add(Fate.STALL);
            }
        }
        synchronized (open) {
            open.forEach(FaultyProxy::reset);
            open.clear();
        }
    }

    Counts counts() {
        return new Counts(connections.get(), refused.get(), dropped.get(), stalled.get(), bytes.get());
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            Faults now;
            Fate fate;
            int faultAfter;
            synchronized (random) {
                now = faults;
                Fate sure = certain.poll();
                fate = sure != null ? sure : draw(now);
                faultAfter = sure != null ? 0 : random.nextInt(now.faultWithinBytes());
            }
            if (fate == Fate.REFUSE) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            threads.execute(() -> connect(client, fate, faultAfter, now.stallFor()));
        }
    }

    private Fate draw(Faults now) {
        double draw = random.nextDouble();
        return draw < now.refuseRate()
                ? Fate.REFUSE
                : draw < now.refuseRate() + now.dropRate()
                        ? Fate.DROP
                        : draw < now.refuseRate() + now.dropRate() + now.stallRate() ? Fate.STALL : Fate.PASS;
    }

    private void connect(Socket client, Fate fate, int faultAfter, Duration stallFor) {
        Socket server = new Socket();
        try {
            server.connect(target, 5_000);
        } catch (IOException e) {
            reset(client);
            closeQuietly(server);
            return;
        }
        synchronized (open) {
            if (closed) {
                reset(client);
                reset(server);
                return;
            }
            open.add(client);
            open.add(server);
        }
        Connection connection = new Connection(client, server, fate, faultAfter, stallFor);
        threads.execute(() -> connection.pump(client, server));
        connection.pump(server, client);
    }

    /** One proxied connection: its two directions share the byte count that decides its fault. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        private final Fate fate;
        private final int faultAfter;
        private final Duration stallFor;
        private final AtomicLong passed = new AtomicLong();
        private final AtomicInteger finished = new AtomicInteger();
        private boolean faulted;

        Connection(Socket client, Socket server, Fate fate, int faultAfter, Duration stallFor) {
            this.client = client;
            this.server = server;
            this.fate = fate;
            this.faultAfter = faultAfter;
            this.stallFor = stallFor;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long before = passed.getAndAdd(n);
                    if (fate != Fate.PASS && before + n > faultAfter && takeFault()) {
                        int head = (int) Math.max(0, faultAfter - before);
                        out.write(buffer, 0, head);
                        out.flush();
                        if (fate == Fate.DROP) {
                            dropped.incrementAndGet();
                            bytes.addAndGet(head);
                            resetBoth();
                            return;
                        }
                        stalled.incrementAndGet();
                        Thread.sleep(stallFor.toMillis());
                        out.write(buffer, head, n - head);
                    } else {
                        out.write(buffer, 0, n);
                    }
                    out.flush();
                    bytes.addAndGet(n);
                }
                // An orderly end of one direction is passed on as such: HTTP clients half-close.
                if (!to.isClosed()) {
                    to.shutdownOutput();
                }
            } catch (IOException e) {
                resetBoth();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                resetBoth();
            } finally {
                if (finished.incrementAndGet() == 2) {
                    closeBoth();
                }
            }
        }

        private synchronized boolean takeFault() {
            if (faulted) {
                return false;
            }
            faulted = true;
            return true;
        }

        private void resetBoth() {
            reset(client);
            reset(server);
            forget();
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(server);
            forget();
        }

        private void forget() {
            synchronized (open) {
                open.remove(client);
                open.remove(server);
            }
        }
    }

    /** Closes with a TCP reset, as a broken network path shows itself to both ends. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        synchronized (open) {
            open.forEach(FaultyProxy::reset);
            open.clear();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
