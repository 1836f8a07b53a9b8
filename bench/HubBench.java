// Client of the hub benchmark (run by bench/hub.sh): packages through the exchange hub (sendEdoc,
// getReceivedEdocList, getEdoc, updateStatus, each signed as docs/axis-protocol.md says) for small and
// 10 MB packages, against a bare HTTP round trip of the same bytes measured in the same run.
// JDK only: java bench/HubBench.java <hub url> <sender system> <sender secret> <sender organ>
//   <receiver system> <receiver secret> <receiver organ> [runs] [large MB] [threads]
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class HubBench {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String RUN =
            Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
    static final AtomicLong NUMBER = new AtomicLong();
    static String hub;
    /** Milliseconds of each axis operation in the sequential runs, by run and operation. */
    static final java.util.Map<String, List<Double>> OPERATIONS = new java.util.concurrent.ConcurrentHashMap<>();

    static volatile String measuring;

    /** A system of the axis: its id, shared secret and the organ it sends from. */
    record AxisSystem(String id, String secret, String organId) {}

    /** One measured run: per-cycle milliseconds, and the time the whole run took. */
    record Result(String name, List<Double> ms, double seconds, int packages) {
        double p(double q) {
            List<Double> sorted = new ArrayList<>(ms);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
        }

        double perSecond() {
            return packages / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        hub = args[0];
        AxisSystem sender = new AxisSystem(args[1], args[2], args[3]);
        AxisSystem receiver = new AxisSystem(args[4], args[5], args[6]);
        int runs = Integer.parseInt(args.length > 7 ? args[7] : "200");
        int largeMb = Integer.parseInt(args.length > 8 ? args[8] : "10");
        int threads = Integer.parseInt(args.length > 9 ? args[9] : "4");
        int largeRuns = Math.max(5, runs / 10);

        publish(sender, "Sở Tài chính (máy gửi đo tải)");
        publish(receiver, "Sở Nội vụ (máy nhận đo tải)");
        byte[] smallPdf = randomBytes(8 * 1024, 1);
        byte[] largePdf = randomBytes(largeMb * 1024 * 1024, 2);
        int smallSize = edxml(sender, receiver, smallPdf).length;
        int largeSize = edxml(sender, receiver, largePdf).length;

        HttpServer bare = bareServer();
        String bareUrl = "http://localhost:" + bare.getAddress().getPort();
        try {
            // Warm both servers up before measuring: the first requests load classes and fill caches.
            for (int i = 0; i < 30; i++) {
                cycle(sender, receiver, edxml(sender, receiver, smallPdf));
                bareRoundTrip(bareUrl, edxml(sender, receiver, smallPdf));
                health();
            }
            cycle(sender, receiver, edxml(sender, receiver, largePdf));

            List<Result> results = new ArrayList<>();
            Result health = sequential("GET /actuator/health of the hub", runs, () -> null, ignored -> health());
            Result bareSmall = sequential(
                    "bare HTTP: POST + GET of a small package's bytes",
                    runs,
                    () -> edxml(sender, receiver, smallPdf),
                    bytes -> bareRoundTrip(bareUrl, bytes));
            measuring = "small";
            Result small = sequential(
                    "hub: small package",
                    runs,
                    () -> edxml(sender, receiver, smallPdf),
                    bytes -> cycle(sender, receiver, bytes));
            measuring = null;
            Result bareLarge = sequential(
                    "bare HTTP: POST + GET of a " + largeMb + " MB package's bytes",
                    largeRuns,
                    () -> edxml(sender, receiver, largePdf),
                    bytes -> bareRoundTrip(bareUrl, bytes));
            measuring = largeMb + " MB";
            Result large = sequential(
                    "hub: " + largeMb + " MB package",
                    largeRuns,
                    () -> edxml(sender, receiver, largePdf),
                    bytes -> cycle(sender, receiver, bytes));
            measuring = null;
            Result bareSmallParallel = parallel(
                    "bare HTTP: small, " + threads + " clients",
                    runs,
                    threads,
                    () -> edxml(sender, receiver, smallPdf),
                    bytes -> bareRoundTrip(bareUrl, bytes));
            Result smallParallel = parallel(
                    "hub: small, " + threads + " clients",
                    runs,
                    threads,
                    () -> edxml(sender, receiver, smallPdf),
                    bytes -> cycle(sender, receiver, bytes));
            results.addAll(List.of(health, bareSmall, small, bareLarge, large, bareSmallParallel, smallParallel));

            System.out.printf(
                    "Packages: small %,d bytes (an 8 KiB PDF), large %,d bytes (a %d MiB PDF in base64)%n%n",
                    smallSize, largeSize, largeMb);
            System.out.println("| run | packages | packages/s | p50 ms | p95 ms | p99 ms |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            for (Result r : results) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                        r.name(),
                        r.packages(),
                        r.perSecond(),
                        r.p(0.5),
                        r.p(0.95),
                        r.p(0.99));
            }
            System.out.println();
            System.out.println("| operation (sequential runs) | small p50 ms | " + largeMb + " MB p50 ms |");
            System.out.println("| --- | ---: | ---: |");
            for (String op : List.of("sendEdoc", "getReceivedEdocList", "getEdoc", "updateStatus")) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.1f | %.1f |%n",
                        op,
                        new Result(op, OPERATIONS.get("small|" + op), 1, 1).p(0.5),
                        new Result(op, OPERATIONS.get(largeMb + " MB|" + op), 1, 1).p(0.5));
            }
            System.out.println();
            System.out.println("| ratio | value |");
            System.out.println("| --- | ---: |");
            ratio("small package p50 / bare HTTP round trip of its bytes p50", small.p(0.5) / bareSmall.p(0.5));
            ratio("small package p50 / GET /actuator/health p50", small.p(0.5) / health.p(0.5));
            ratio(largeMb + " MB package p50 / bare HTTP round trip of its bytes p50", large.p(0.5) / bareLarge.p(0.5));
            ratio(
                    "bare HTTP small packages/s with " + threads + " clients / hub small packages/s with " + threads
                            + " clients",
                    bareSmallParallel.perSecond() / smallParallel.perSecond());
            for (Result r : results) {
                System.out.printf(
                        Locale.ROOT,
                        "hub-bench %s p50_ms=%.1f per_second=%.2f%n",
                        r.name().replace(' ', '_'),
                        r.p(0.5),
                        r.perSecond());
            }
        } finally {
            bare.stop(0);
        }
    }

    interface Prepare {
        byte[] next() throws Exception;
    }

    interface Operation {
        void run(byte[] bytes) throws Exception;
    }

    static void ratio(String name, double value) {
        System.out.printf(Locale.ROOT, "| %s | %.1f |%n", name, value);
    }

    /** Runs one client after the other; a package is prepared (and hashed) outside the measured time. */
    static Result sequential(String name, int runs, Prepare prepare, Operation operation) throws Exception {
        List<Double> ms = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < runs; i++) {
            byte[] bytes = prepare.next();
            long start = System.nanoTime();
            operation.run(bytes);
            double took = (System.nanoTime() - start) / 1e6;
            ms.add(took);
            total += took;
        }
        return new Result(name, ms, total / 1000, runs);
    }

    /** Runs {@code runs} cycles spread over {@code threads} clients; the throughput counts the whole run's time. */
    static Result parallel(String name, int runs, int threads, Prepare prepare, Operation operation) throws Exception {
        List<byte[]> prepared = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            prepared.add(prepare.next());
        }
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
                    long began = System.nanoTime();
                    operation.run(prepared.get((int) i));
                    ms.add((System.nanoTime() - began) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(name, ms, seconds, runs);
    }

    /** One package through the hub: sent, found in the receiver's list, fetched and checked, acknowledged. */
    static void cycle(AxisSystem sender, AxisSystem receiver, byte[] edxml) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> sent = signed(
                sender,
                "POST",
                "/api/v1/axis/edocs",
                edxml,
                "application/xml",
                HttpResponse.BodyHandlers.ofString(),
                "Idempotency-Key",
                UUID.randomUUID().toString());
        long t1 = System.nanoTime();
        expect(sent, 201);
        String id = field(sent.body(), "id");
        HttpResponse<String> list = signed(
                receiver,
                "GET",
                "/api/v1/axis/edocs/received?kind=DOCUMENT&limit=100",
                new byte[0],
                null,
                HttpResponse.BodyHandlers.ofString());
        long t2 = System.nanoTime();
        expect(list, 200);
        if (!list.body().contains("\"" + id + "\"")) {
            throw new IllegalStateException("package " + id + " not in the receiver's list: " + list.body());
        }
        HttpResponse<byte[]> fetched = signed(
                receiver,
                "GET",
                "/api/v1/axis/edocs/" + id,
                new byte[0],
                null,
                HttpResponse.BodyHandlers.ofByteArray());
        long t3 = System.nanoTime();
        expect(fetched, 200);
        if (!hex(fetched.body())
                        .equals(fetched.headers()
                                .firstValue("X-Axis-Content-SHA256")
                                .orElse(""))
                || fetched.body().length != edxml.length) {
            throw new IllegalStateException("package " + id + " fetched differs from the one sent");
        }
        HttpResponse<String> done = signed(
                receiver,
                "POST",
                "/api/v1/axis/edocs/" + id + "/status",
                "{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8),
                "application/json",
                HttpResponse.BodyHandlers.ofString());
        long t4 = System.nanoTime();
        expect(done, 200);
        String run = measuring;
        if (run != null) {
            long[] marks = {t0, t1, t2, t3, t4};
            String[] names = {"sendEdoc", "getReceivedEdocList", "getEdoc", "updateStatus"};
            for (int i = 0; i < names.length; i++) {
                OPERATIONS
                        .computeIfAbsent(run + "|" + names[i], k -> Collections.synchronizedList(new ArrayList<>()))
                        .add((marks[i + 1] - marks[i]) / 1e6);
            }
        }
    }

    /** The same bytes up and down again over plain HTTP, to a server that does nothing else. */
    static void bareRoundTrip(String bareUrl, byte[] bytes) throws Exception {
        HttpResponse<String> up = HTTP.send(
                HttpRequest.newBuilder(URI.create(bareUrl + "/sink"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        expect(up, 200);
        HttpResponse<byte[]> down = HTTP.send(
                HttpRequest.newBuilder(URI.create(bareUrl + "/source?bytes=" + bytes.length))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        expect(down, 200);
        if (down.body().length != bytes.length) {
            throw new IllegalStateException("bare server sent " + down.body().length + " bytes");
        }
    }

    static void health() throws Exception {
        expect(
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(hub + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()),
                200);
    }

    static HttpServer bareServer() throws Exception {
        // As Tomcat does: without it the JDK server's separate header and body writes meet the
        // client's delayed acknowledgement, and every small answer waits some 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bare-http");
            t.setDaemon(true);
            return t;
        }));
        byte[] chunk = randomBytes(64 * 1024, 3);
        server.createContext("/sink", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                long n = in.transferTo(OutputStream.nullOutputStream());
                byte[] answer = ("{\"received\":" + n + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.createContext("/source", exchange -> {
            long n = Long.parseLong(exchange.getRequestURI().getQuery().substring("bytes=".length()));
            exchange.sendResponseHeaders(200, n);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long left = n; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    static void publish(AxisSystem system, String name) throws Exception {
        String body = "[{\"organId\":\"" + system.organId() + "\",\"name\":\"" + name + "\"}]";
        HttpResponse<String> answer = signed(
                system,
                "PUT",
                "/api/v1/axis/agencies",
                body.getBytes(StandardCharsets.UTF_8),
                "application/json",
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            expect(answer, 204);
        }
    }

    /** A request signed as docs/axis-protocol.md says: HMAC-SHA256 over method, path, time, nonce and body hash. */
    static <T> HttpResponse<T> signed(
            AxisSystem system,
            String method,
            String pathAndQuery,
            byte[] body,
            String contentType,
            HttpResponse.BodyHandler<T> handler,
            String... headers)
            throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        String contentHash = hex(body);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(system.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder()
                .encodeToString(mac.doFinal(
                        (method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + contentHash)
                                .getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + pathAndQuery))
                .timeout(Duration.ofMinutes(2))
                .header("X-Axis-System", system.id())
                .header("X-Axis-Timestamp", timestamp)
                .header("X-Axis-Nonce", nonce)
                .header("X-Axis-Content-SHA256", contentHash)
                .header("X-Axis-Signature", signature)
                .method(
                        method,
                        body.length == 0 && !method.equals("POST") && !method.equals("PUT")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), handler);
    }

    /** A document package in the canonical edXML form, with a fresh number and one PDF attachment. */
    static byte[] edxml(AxisSystem from, AxisSystem to, byte[] pdf) {
        long number = NUMBER.incrementAndGet();
        String day = LocalDate.now().format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        String notation = "STC-" + RUN;
        StringBuilder xml = new StringBuilder(pdf.length * 4 / 3 + pdf.length / 38 + 4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">")
                .append("<edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader>")
                .append(organ("From", from.organId(), "Sở Tài chính"))
                .append(organ("To", to.organId(), "Sở Nội vụ"))
                .append("<edXML:DocumentId>")
                .append(from.organId())
                .append(',')
                .append(day)
                .append(',')
                .append(number)
                .append('/')
                .append(notation)
                .append("</edXML:DocumentId>")
                .append("<edXML:Code><edXML:CodeNumber>")
                .append(number)
                .append("</edXML:CodeNumber><edXML:CodeNotation>")
                .append(notation)
                .append("</edXML:CodeNotation></edXML:Code>")
                .append("<edXML:PromulgationInfo><edXML:Place>Bắc Giang</edXML:Place><edXML:PromulgationDate>")
                .append(day)
                .append("</edXML:PromulgationDate></edXML:PromulgationInfo>")
                .append("<edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeDetail>2</edXML:TypeDetail>")
                .append("<edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>")
                .append("<edXML:Subject>Về việc đo tải trục liên thông số ")
                .append(number)
                .append("</edXML:Subject>")
                .append("<edXML:Content></edXML:Content><edXML:SteeringType>1</edXML:SteeringType>")
                .append("</edXML:MessageHeader><edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>")
                .append(from.organId())
                .append("</edXML:OrganId><edXML:Timestamp>")
                .append(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").format(java.time.LocalDateTime.now()))
                .append("</edXML:Timestamp></edXML:TraceHeader><edXML:Bussiness><edXML:BussinessDocType>0")
                .append("</edXML:BussinessDocType><edXML:Paper>0</edXML:Paper></edXML:Bussiness>")
                .append(
                        "</edXML:TraceHeaderList></edXML:edXMLHeader><edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\">")
                .append("<edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf")
                .append(
                        "</edXML:ContentType><edXML:AttachmentName>cong-van.pdf</edXML:AttachmentName></edXML:Reference>")
                .append("</edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope>")
                .append("<edXML:AttachmentEncoded><edXML:Attachment><edXML:ContentId>cid:1</edXML:ContentId>")
                .append("<edXML:AttachmentName>cong-van.pdf</edXML:AttachmentName><edXML:ContentType>application/pdf")
                .append("</edXML:ContentType><edXML:ContentTransferEncoded>")
                .append(Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pdf))
                .append("</edXML:ContentTransferEncoded></edXML:Attachment></edXML:AttachmentEncoded></edXML:edXML>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String organ(String element, String organId, String name) {
        return "<edXML:" + element + "><edXML:OrganId>" + organId + "</edXML:OrganId><edXML:OrganName>" + name
                + "</edXML:OrganName></edXML:" + element + ">";
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void expect(HttpResponse<?> response, int status) {
        if (response.statusCode() != status) {
            Object body = response.body();
            throw new IllegalStateException(
                    response.request().method() + " " + response.request().uri() + " answered " + response.statusCode()
                            + ": " + (body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : body));
        }
    }
}
