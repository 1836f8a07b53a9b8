// Client of the signing benchmark (run by bench/signing.sh): signs and validates a one-page PDF
// through CongVan's API, then a large PDF, and writes the timings. JDK only.
//   java bench/SigningBench.java <base-url> <demo-password> <runs> <one-page.pdf> <work-dir> [large.pdf]
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SigningBench {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final int WARM_UP = 5;
    static String base;
    static int sequence;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String password = args[1];
        int runs = Integer.parseInt(args[2]);
        Path onePage = Path.of(args[3]);
        Path work = Path.of(args[4]);
        Path large = args.length > 5 ? Path.of(args[5]) : null;

        String admin = token("admin", password);
        String clerk = token("vanthu.ubnd", password);
        String chairman = token("chutich.ubnd", password);
        String unitId = first(
                get("/api/v1/units?q=" + URLEncoder.encode("Ủy ban nhân dân tỉnh", StandardCharsets.UTF_8), clerk),
                "\"id\":\"([0-9a-f-]{36})\"");

        // The demo certificates are issued in the background after the first start.
        String warm = register(clerk, unitId, onePage);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (sign(chairman, warm) != 201) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The chairman's demo certificate never became usable");
            }
            Thread.sleep(1000);
        }

        List<Double> signing = new ArrayList<>();
        String lastSigned = warm;
        for (int i = 0; i < WARM_UP + runs; i++) {
            String id = register(clerk, unitId, onePage);
            double ms = time(() -> sign(chairman, id) == 201);
            if (i >= WARM_UP) {
                signing.add(ms);
            }
            lastSigned = id;
        }
        System.out.println("chairman-key " + chairmansKey(admin));
        Path signedOnePage = work.resolve("signed-one-page.pdf");
        download(clerk, lastSigned, signedOnePage);
        List<Double> validating = new ArrayList<>();
        for (int i = 0; i < WARM_UP + runs; i++) {
            double ms = time(() -> validate(clerk, signedOnePage).contains("TOTAL_PASSED"));
            if (i >= WARM_UP) {
                validating.add(ms);
            }
        }
        System.out.printf(Locale.ROOT, "congvan sign-one-page p50_ms=%.1f runs=%d%n", median(signing), runs);
        System.out.printf(Locale.ROOT, "congvan validate-one-page p50_ms=%.1f runs=%d%n", median(validating), runs);

        if (large != null) {
            long size = Files.size(large);
            long start = System.nanoTime();
            String id = register(clerk, unitId, large);
            System.out.printf(
                    Locale.ROOT,
                    "congvan register-large size_mib=%.0f ms=%.0f%n",
                    size / 1048576.0,
                    (System.nanoTime() - start) / 1e6);
            // The file is validated on registration, in the background: waited for (the kept verdict
            // is read once that validation ends), so that signing is measured alone.
            System.out.printf(
                    Locale.ROOT,
                    "congvan intake-validation-after-register ms=%.0f%n",
                    time(() -> keptVerdict(clerk, id)));
            System.out.println("mark large-sign-start");
            double ms = time(() -> sign(chairman, id) == 201);
            System.out.println("mark large-sign-end");
            System.out.printf(Locale.ROOT, "congvan sign-large ms=%.0f%n", ms);
            Path signedLarge = work.resolve("signed-large.pdf");
            download(clerk, id, signedLarge);
            // The signed version is validated on intake too: measured, then the API's validation alone.
            System.out.printf(
                    Locale.ROOT, "congvan intake-validation-after-sign ms=%.0f%n", time(() -> keptVerdict(clerk, id)));
            System.out.println("mark large-validate-start");
            double vms = time(() -> validate(clerk, signedLarge).contains("TOTAL_PASSED"));
            System.out.println("mark large-validate-end");
            System.out.printf(Locale.ROOT, "congvan validate-large ms=%.0f%n", vms);
        }
    }

    /** The id of the chairman's server-held certificate: its key store is {@code pki/keys/<id>.p12}. */
    static String chairmansKey(String admin) throws IOException, InterruptedException {
        for (int page = 0; page < 50; page++) {
            Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"username\":\"chutich\\.ubnd\"")
                    .matcher(get("/api/v1/users?size=200&page=" + page, admin));
            if (m.find()) {
                return first(
                        get("/api/v1/people/" + m.group(1) + "/certificates", admin),
                        "\"id\":\"([0-9a-f-]{36})\",\"kind\":\"PERSONAL\",\"medium\":\"SERVER\"");
            }
        }
        throw new IllegalStateException("No chutich.ubnd among the users");
    }

    static double time(Supplier<Boolean> work) {
        long start = System.nanoTime();
        if (!work.get()) {
            throw new IllegalStateException("A benchmarked request failed");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static String register(String clerk, String unitId, Path pdf) {
        int n = ++sequence;
        String boundary = "----signing-bench-" + System.nanoTime();
        String metadata = "{\"unitId\":\"" + unitId + "\",\"typeName\":\"Quyết định\",\"subject\":\"Về việc đo ký số "
                + n + "\",\"signerPosition\":\"Chủ tịch\",\"submissionKey\":\"bench-" + System.nanoTime() + "\"}";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"qd.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/outgoing"))
                    .header("Authorization", "Bearer " + clerk)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofString(head),
                            HttpRequest.BodyPublishers.ofFile(pdf),
                            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                    .timeout(Duration.ofMinutes(30))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Registration refused: " + response.body());
            }
            return first(response.body(), "\"id\":\"([0-9a-f-]{36})\"");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static int sign(String chairman, String documentId) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/documents/" + documentId + "/signatures"))
                    .header("Authorization", "Bearer " + chairman)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"PERSONAL\"}"))
                    .timeout(Duration.ofMinutes(30))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String validate(String token, Path pdf) {
        String boundary = "----validation-bench-" + System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/signature-validations"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofString(
                                    "--" + boundary + "\r\nContent-Disposition: form-data;"
                                            + " name=\"file\"; filename=\"signed.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"),
                            HttpRequest.BodyPublishers.ofFile(pdf),
                            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                    .timeout(Duration.ofMinutes(30))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void download(String token, String documentId, Path target) throws IOException, InterruptedException {
        String document = get("/api/v1/documents/" + documentId, token);
        Matcher main = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"[^{}]*\"role\":\"MAIN\"")
                .matcher(document);
        if (!main.find()) {
            throw new IllegalStateException("No main file: " + document);
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/documents/" + documentId + "/files/" + main.group(1)))
                .header("Authorization", "Bearer " + token)
                .build();
        try (InputStream in =
                HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String token(String username, String password) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build();
        return first(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body(), "\"token\":\"([^\"]+)\"");
    }

    /** Reads the kept verdict on the document's files; the server waits for a validation under way. */
    static boolean keptVerdict(String token, String documentId) {
        try {
            return get("/api/v1/documents/" + documentId + "/signature-validation", token)
                    .contains("verdict");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    static String first(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("Not found " + pattern + " in " + text);
        }
        return m.group(1);
    }
}
