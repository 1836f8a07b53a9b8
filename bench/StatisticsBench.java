// Load client of the statistics benchmark (run by bench/statistics.sh): rankings and a unit's
// figures, measured against a baseline read in the same run. JDK only: java bench/StatisticsBench.java
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class StatisticsBench {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String admin = token("admin", args[1]);
        int threads = Integer.parseInt(args.length > 2 ? args[2] : "4");
        int seconds = Integer.parseInt(args.length > 3 ? args[3] : "10");
        String agencies = get("/api/v1/units?q=" + enc("Sở Mô phỏng số 1"), admin);
        Matcher agency = Pattern.compile(
                        "\\{\"id\":\"([0-9a-f-]{36})\",\"parentId\":\"([0-9a-f-]{36})\"[^}]*\"kind\":\"AGENCY\"")
                .matcher(agencies);
        if (!agency.find()) {
            throw new IllegalStateException("No generated agency found: " + agencies);
        }
        String unitId = agency.group(1);
        // The generated province's root is the agency's parent (an installation also has its own root unit).
        String rootId = agency.group(2);
        String districts = get("/api/v1/units?level=DISTRICT&parent=" + rootId, admin);
        Matcher district = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"").matcher(districts);
        String districtId = district.find() ? district.group(1) : rootId;
        YearMonth last = YearMonth.now().minusMonths(1);
        String month = last.toString();
        String quarter = last.getYear() + "-Q" + ((last.getMonthValue() + 2) / 3);
        String year = Integer.toString(last.getYear());
        String days = last.atDay(3) + ".." + last.plusMonths(1).atDay(1).plusDays(9);
        System.out.println(get("/api/v1/statistics/units/" + rootId + "?coverage=TERRITORY&period=" + year, admin)
                .replaceAll("\\{\"metric\"", "\n{\"metric\"")
                .lines()
                .limit(4)
                .reduce("Province, " + year + ": ", (a, b) -> a + b + " "));
        System.out.printf(
                "Bench agency %s, district %s, province %s; %d clients, %d s per run%n",
                unitId, districtId, rootId, threads, seconds);

        List<Result> results = new ArrayList<>();
        Result baseline = run("getUnit (baseline)", threads, seconds, () -> ok("/api/v1/units/" + unitId, admin));
        results.add(baseline);
        results.add(run(
                "getRanking agencies, month " + month,
                threads,
                seconds,
                () -> ok("/api/v1/statistics/ranking?group=AGENCIES&period=" + month, admin)));
        results.add(run(
                "getRanking communes, month " + month,
                threads,
                seconds,
                () -> ok("/api/v1/statistics/ranking?group=COMMUNES&period=" + month, admin)));
        results.add(run(
                "getRanking districts with communes, quarter " + quarter,
                threads,
                seconds,
                () -> ok("/api/v1/statistics/ranking?group=DISTRICTS&coverage=TERRITORY&period=" + quarter, admin)));
        results.add(run(
                "getRanking communes, year " + year,
                threads,
                seconds,
                () -> ok("/api/v1/statistics/ranking?group=COMMUNES&period=" + year, admin)));
        results.add(run(
                "getRanking communes of a district, days " + days,
                threads,
                seconds,
                () -> ok("/api/v1/statistics/ranking?group=COMMUNES&within=" + districtId + "&period=" + days, admin)));
        results.add(run(
                "getUnitStatistics agency, month",
                threads,
                seconds,
                () -> ok("/api/v1/statistics/units/" + unitId + "?period=" + month, admin)));
        results.add(run(
                "getUnitStatistics province territory, year",
                threads,
                seconds,
                () -> ok("/api/v1/statistics/units/" + rootId + "?coverage=TERRITORY&period=" + year, admin)));
        HttpClient browser = signedIn("admin", args[1]);
        results.add(run(
                "dashboard page /statistics, communes, month " + month,
                threads,
                seconds,
                () -> page(browser, "/statistics?group=COMMUNES&within=" + rootId + "&period=" + month)));
        results.add(run(
                "dashboard page /statistics, agencies, year " + year,
                threads,
                seconds,
                () -> page(browser, "/statistics?group=AGENCIES&within=" + rootId + "&period=" + year)));
        results.add(run(
                "listDocumentsBehindFigure agency, month, first page",
                threads,
                seconds,
                () -> ok(
                        "/api/v1/statistics/units/" + unitId + "/figures/OUTGOING_ISSUED/documents?period=" + month,
                        admin)));

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
                    millis.add(ok ? (System.nanoTime() - start) / 1e6 : -1.0);
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

    static boolean ok(String path, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** A browser's session: the sign-in form posted with its CSRF token, the session kept in a cookie. */
    static HttpClient signedIn(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new java.net.CookieManager())
                .build();
        String form = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        HttpResponse<String> signed = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
                                + enc(password) + "&_csrf=" + enc(csrf.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signed.statusCode() != 302
                || signed.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in refused: " + signed.statusCode() + " "
                    + signed.headers().map());
        }
        return client;
    }

    /** A page that renders whole (200 and the closing tag), not the sign-in page. */
    static boolean page(HttpClient client, String path) {
        try {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200
                    && answer.body().contains("table class=\"list ranking\"")
                    && answer.body().contains("</html>");
        } catch (Exception e) {
            return false;
        }
    }

    static String get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String token(String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No token for " + username + ": " + body);
        }
        return m.group(1);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
