package vn.congvan.exchange.axis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed HTTP to the hub (docs/axis-protocol.md), with a connection timeout, a timeout on each
 * request until its answer starts, and any answer cut off when its bytes stop flowing that long.
 */
class AxisHttp {

    /** An answer of the hub. */
    record Answer(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        /** The problem's code and detail, or the status, for an error to keep. */
        String problem(JsonMapper json) {
            try {
                Map<?, ?> problem = json.readValue(body, Map.class);
                return status + " " + problem.get("code") + ": " + problem.get("detail");
            } catch (RuntimeException notJson) {
                return "HTTP " + status;
            }
        }
    }

    /** A request body: its length, its SHA-256 and where its bytes come from. */
    record Body(long length, String sha256, Supplier<InputStream> content, String contentType) {
        static final Body NONE =
                new Body(0, AxisSignature.EMPTY_SHA256, InputStream::nullInputStream, "application/octet-stream");

        static Body of(byte[] bytes, String contentType) {
            return new Body(
                    bytes.length,
                    AxisSignature.hex(AxisSignature.sha256().digest(bytes)),
                    () -> new java.io.ByteArrayInputStream(bytes),
                    contentType);
        }
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "axis-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** The most a JSON answer of the hub may hold; packages themselves are downloaded to files. */
    static final long ANSWER_LIMIT = 32L * 1024 * 1024;

    private final AxisProperties settings;
    private final Clock clock;
    private final HttpClient http;

    AxisHttp(AxisProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer send(String method, String pathAndQuery, Body body, Map<String, String> headers) throws IOException {
        HttpRequest request = signed(method, pathAndQuery, body, headers).build();
        HttpResponse<InputStream> response = exchange(request);
        try (InputStream in = response.body()) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            copyWhileFlowing(in, answer, ANSWER_LIMIT);
            return new Answer(response.statusCode(), response.headers().map(), answer.toByteArray());
        }
    }

    /**
     * Appends the bytes of {@code pathAndQuery} from {@code offset} on to {@code file}, asking for a
     * range when some are there already; returns the answer's status and headers (no body), or
     * throws when the connection drops or stalls, leaving what arrived in the file.
     */
    Answer download(String pathAndQuery, Path file, long offset) throws IOException {
        Map<String, String> headers = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
        HttpRequest request = signed("GET", pathAndQuery, Body.NONE, headers).build();
        HttpResponse<InputStream> response = exchange(request);
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200 && response.statusCode() != 206) {
                ByteArrayOutputStream problem = new ByteArrayOutputStream();
                copyWhileFlowing(in, problem, ANSWER_LIMIT);
                return new Answer(response.statusCode(), response.headers().map(), problem.toByteArray());
            }
            boolean append = response.statusCode() == 206;
            try (OutputStream out = Files.newOutputStream(
                    file,
                    StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                copyWhileFlowing(in, out, Long.MAX_VALUE);
            }
            return new Answer(response.statusCode(), response.headers().map(), new byte[0]);
        }
    }

    private HttpResponse<InputStream> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the hub", e);
        }
    }

    /**
     * Copies an answer's bytes, closing the stream when they stop flowing for the request timeout
     * (the client's own timeout ends when the answer's headers arrive) and refusing more than
     * {@code limit} bytes.
     */
    private void copyWhileFlowing(InputStream in, OutputStream out, long limit) throws IOException {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        AtomicBoolean cut = new AtomicBoolean();
        long stall = Objects.requireNonNull(settings.requestTimeout(), "defaulted when not set")
                .toNanos();
        ScheduledFuture<?> guard = WATCHDOG.scheduleWithFixedDelay(
                () -> {
                    if (System.nanoTime() - lastProgress.get() > stall) {
                        cut.set(true);
                        try {
                            in.close();
                        } catch (IOException ignored) {
                            // the reader sees the stream closed either way
                        }
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        try {
            byte[] buffer = new byte[64 * 1024];
            long copied = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                copied += n;
                if (copied > limit) {
                    throw new IOException("The hub's answer is longer than " + limit + " bytes");
                }
                out.write(buffer, 0, n);
                lastProgress.set(System.nanoTime());
            }
        } catch (IOException closedUnderTheReader) {
            if (!cut.get()) {
                throw closedUnderTheReader;
            }
        } finally {
            guard.cancel(false);
        }
        if (cut.get()) {
            // a stream closed under its reader may end as if complete: what arrived is not the answer
            throw new IOException("The hub's answer stopped flowing for " + settings.requestTimeout());
        }
    }

    private HttpRequest.Builder signed(String method, String pathAndQuery, Body body, Map<String, String> headers) {
        long timestamp = clock.instant().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        HttpRequest.BodyPublisher publisher = body.length() == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(body.content()), body.length());
        URI uri = URI.create(settings.url() + pathAndQuery);
        // The hub checks the path it receives, with any prefix the hub's address has.
        String signedPath = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .method(method, publisher)
                .header(AxisSignature.SYSTEM, settings.systemId())
                .header(AxisSignature.TIMESTAMP, String.valueOf(timestamp))
                .header(AxisSignature.NONCE, nonce)
                .header(AxisSignature.CONTENT_SHA256, body.sha256())
                .header(
                        AxisSignature.SIGNATURE,
                        AxisSignature.sign(settings.secret(), method, signedPath, timestamp, nonce, body.sha256()));
        if (body.length() > 0) {
            builder.header("Content-Type", body.contentType());
        }
        headers.forEach(builder::header);
        return builder;
    }
}
