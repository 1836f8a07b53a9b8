// Load client of the registry benchmark (run by bench/run.sh): registration through the API and
// search, measured against a baseline read in the same run. JDK only: java bench/RegistryBench.java
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RegistryBench {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Makes this run's notations its own, so that a second run on the same province is not a duplicate. */
    static final String RUN =
            "B" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String adminPassword = args[1];
        int threads = Integer.parseInt(args.length > 2 ? args[2] : "4");
        int seconds = Integer.parseInt(args.length > 3 ? args[3] : "20");

        String admin = token("admin", adminPassword);
        String units = get("/api/v1/units?q=" + enc("Sở Mô phỏng số 1"), admin);
        Matcher unitMatch = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"[^}]*\"kind\":\"AGENCY\"")
                .matcher(units);
        if (!unitMatch.find()) {
            throw new IllegalStateException("No generated agency found: " + units);
        }
        String unitId = unitMatch.group(1);
        String clerkName = "bench.clerk." + UUID.randomUUID().toString().substring(0, 8);
        String clerkPassword = "Bench-" + UUID.randomUUID();
        post(
                "/api/v1/users",
                admin,
                "{\"username\":\"" + clerkName + "\",\"fullName\":\"Văn thư đo tải\"," + "\"password\":\""
                        + clerkPassword + "\",\"unitId\":\"" + unitId + "\",\"role\":\"CLERK\"}");
        String clerk = token(clerkName, clerkPassword);
        String firstPage = get("/api/v1/documents?size=1&unitId=" + unitId, clerk);
        Matcher documentMatch = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(firstPage);
        if (!documentMatch.find()) {
            throw new IllegalStateException("The generated agency has no documents: " + firstPage);
        }
        String documentId = documentMatch.group(1);
        long total = Long.parseLong(args.length > 4 ? args[4] : "0");
        System.out.printf(
                "Province: %,d generated documents; bench unit %s; %d clients, %d s per run%n",
                total, unitId, threads, seconds);

        List<Result> results = new ArrayList<>();
        Result baseline = run(
                "getDocument (baseline)",
                threads,
                seconds,
                () -> status(getRaw("/api/v1/documents/" + documentId, clerk)));
        results.add(baseline);
        AtomicLong sequence = new AtomicLong(1000);
        byte[] pdf = minimalPdf("CONG VAN DO TAI");
        results.add(run(
                "registerIncomingDocument",
                threads,
                seconds,
                () -> register(clerk, unitId, sequence.incrementAndGet(), pdf)));
        String[] provinceQueries = {
            "quyet dinh",
            "chuyen doi so",
            "bao cao tinh hinh kinh te xa hoi",
            "giay phep xay dung viet yen",
            "QĐ-UBND",
            "Về việc điều chỉnh giá đất quý III"
        };
        for (String q : provinceQueries) {
            results.add(run(
                    "searchDocuments province \"" + q + "\"",
                    threads,
                    seconds / 2,
                    () -> status(getRaw("/api/v1/documents?q=" + enc(q), admin))));
        }
        results.add(run(
                "searchDocuments unit \"chuyen doi so\"",
                threads,
                seconds / 2,
                () -> status(getRaw("/api/v1/documents?q=" + enc("chuyen doi so") + "&unitId=" + unitId, clerk))));
        LocalDate today = LocalDate.now();
        results.add(run(
                "searchDocuments province, type + last month",
                threads,
                seconds / 2,
                () -> status(getRaw(
                        "/api/v1/documents?type=QUYET_DINH&from=" + today.minusMonths(1) + "&to=" + today, admin))));

        System.out.println();
        System.out.println(
                "| operation | requests | errors | per second | p50 ms | p95 ms | p99 ms | p50 / baseline p50 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    r.name,
                    r.count,
                    r.errors,
                    r.perSecond(),
                    r.p(50),
                    r.p(95),
                    r.p(99),
                    r.p(50) / baseline.p(50));
        }
    }

    record Result(String name, long count, long errors, double seconds, List<Double> millis) {
        double perSecond() {
            return count / seconds;
        }

        double p(int percentile) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * millis.size()) - 1;
            return millis.get(Math.max(0, Math.min(index, millis.size() - 1)));
        }
    }

    /** Runs the operation from many clients: a short warm-up, then the measured period. */
    static Result run(String name, int threads, int seconds, Supplier<Boolean> operation) throws InterruptedException {
        measure(threads, Math.max(2, seconds / 4), operation);
        long started = System.nanoTime();
        ConcurrentLinkedQueue<Double> millis = measure(threads, seconds, operation);
        double took = (System.nanoTime() - started) / 1e9;
        List<Double> sorted = new ArrayList<>(millis);
        long errors = sorted.stream().filter(m -> m < 0).count();
        sorted.removeIf(m -> m < 0);
        Collections.sort(sorted);
        Result result = new Result(name, sorted.size(), errors, took, sorted);
        System.out.printf(
                Locale.ROOT, "%s: %d requests, %d errors, p50 %.1f ms%n", name, result.count, errors, result.p(50));
        return result;
    }

    static ConcurrentLinkedQueue<Double> measure(int threads, int seconds, Supplier<Boolean> operation)
            throws InterruptedException {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    boolean ok = operation.get();
                    double ms = (System.nanoTime() - start) / 1e6;
                    millis.add(ok ? ms : -1.0);
                }
            });
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join();
        }
        return millis;
    }

    static boolean register(String token, String unitId, long n, byte[] pdf) {
        String boundary = "----bench" + n;
        String metadata = "{\"unitId\":\"" + unitId + "\",\"typeName\":\"Công văn\",\"codeNumber\":\"" + n
                + "\",\"codeNotation\":\"" + RUN + "-VP\",\"issuedDate\":\""
                + LocalDate.now().minusDays(1)
                + "\",\"organName\":\"Ủy ban nhân dân tỉnh Mô phỏng\",\"subject\":\"Về việc đo tải đăng ký văn bản số "
                + n + "\"}";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n");
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n");
        body.writeBytes(pdf);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/incoming"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        } catch (Exception e) {
            return false;
        }
    }

    /** A one-page PDF with a correct cross-reference table. */
    static byte[] minimalPdf(String text) {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + ("BT /F1 14 Tf 72 760 Td (" + text + ") Tj ET").length()
                        + " >>\nstream\nBT /F1 14 Tf 72 760 Td (" + text + ") Tj ET\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static String token(String username, String password) {
        String body = post(
                "/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No token for " + username + ": " + body);
        }
        return m.group(1);
    }

    static String get(String path, String token) {
        HttpResponse<String> response = getRaw(path, token);
        if (response == null || response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + (response == null ? "no answer" : response.body()));
        }
        return response.body();
    }

    static HttpResponse<String> getRaw(String path, String token) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    static boolean status(HttpResponse<String> response) {
        return response != null && response.statusCode() == 200;
    }

    static String post(String path, String token, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
