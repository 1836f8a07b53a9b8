// Client of the big-dossier benchmark (run by bench/big-dossier.sh): a planning dossier of SIZE MiB attached
// to an outgoing document of installation A, its PDF signed and sealed, delivered to a unit of A and through
// the hub to an agency of installation B, then downloaded at both and checked against the original's SHA-256.
// Prints each step's time and throughput. JDK only; the dossier's bytes are generated as they are sent
// (a pseudo-random sequence, the same bytes every run), so the original never takes disk space.
//   java bench/BigDossierBench.java <A url> <B url> <hub url> <password> <size MiB> <main.pdf> <work dir>
//       <A's temporary directory> <A's log> <B's log> <A's axis system id> <A's axis secret>
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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class BigDossierBench {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    static final long MIB = 1024 * 1024;
    static final String DOSSIER_NAME = "Bản đồ quy hoạch phân khu tỷ lệ 1-2000 (bản quét).tif";
    static final String B_ORGAN = "000.00.20.H27";
    static final String B_AGENCY = "Sở Xây dựng tỉnh Bắc Ninh";

    /** One measured step: what it did, how long it took, and how many bytes it moved (0: none to speak of). */
    record Step(String name, double seconds, long bytes) {}

    static final List<Step> STEPS = new ArrayList<>();
    static String password;

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        String hub = args[2];
        password = args[3];
        long size = Long.parseLong(args[4]) * MIB;
        Path pdf = Path.of(args[5]);
        Path work = Path.of(args[6]);
        Path aTemporary = Path.of(args[7]);
        Path aLog = Path.of(args[8]);
        Path bLog = Path.of(args[9]);
        String systemId = args[10];
        String secret = args[11];

        // The original's hash, before anything is measured: the bytes are generated again as they are sent.
        long began = System.nanoTime();
        String original = hex(Dossier.digestOf(size));
        step("generate the dossier and hash it (client only)", began, size);
        System.out.printf("original dossier: %,d bytes, SHA-256 %s%n", size, original);

        // A: the province's People's Committee issues; its Department of Construction is the unit inside.
        String clerk = token(a, "vanthu.ubnd");
        String chairman = token(a, "chutich.ubnd");
        String constructionClerk = token(a, "vanthu.sxd");
        String committee = unitId(a, clerk, "Ủy ban nhân dân tỉnh Bắc Giang");
        String construction = unitId(a, clerk, "Sở Xây dựng tỉnh Bắc Giang");

        // B: an installation of its own (another province): its administrator opens the agency and its clerk.
        String bAgency = openAgency(b);
        String bClerk = token(b, "vanthu.sxd");
        waitFor(
                "B's agency in A's list of outside agencies",
                Duration.ofMinutes(5),
                () -> get(a, "/api/v1/outside-agencies", clerk).contains(B_ORGAN) ? true : null);

        // The dossier and the main PDF through the resumable uploads (tus: a POST, then one PATCH).
        began = System.nanoTime();
        String dossierUpload = upload(a, clerk, DOSSIER_NAME, "image/tiff", size, () -> new Dossier(size));
        step("upload the dossier to A (tus POST + one PATCH)", began, size);
        long pdfSize = Files.size(pdf);
        began = System.nanoTime();
        String pdfUpload = upload(a, clerk, "Quyết định phê duyệt quy hoạch.pdf", "application/pdf", pdfSize, () -> {
            try {
                return Files.newInputStream(pdf);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        step("upload the main PDF to A (tus)", began, pdfSize);

        began = System.nanoTime();
        String issued = createOutgoing(a, clerk, committee, construction, pdfUpload, dossierUpload);
        step("createOutgoingDocument: numbered and issued, files by upload id", began, 0);
        String documentId = first(issued, "\"id\":\"([0-9a-f-]{36})\"");
        String edxmlId = first(issued, "\"documentId\":\"([^\"]+)\"");
        String attachment = fileOf(issued, "ATTACHMENT");
        System.out.printf(
                "issued %s (%s), attachment %s: %s%n",
                documentId,
                edxmlId,
                attachment,
                first(issued, "\"role\":\"ATTACHMENT\".*?\"sha256\":\"([0-9a-f]{64})\""));
        require(issued.contains(original), "A keeps the dossier's SHA-256 " + original + ": " + issued);

        began = System.nanoTime();
        waitFor("the chairman's signature (demo certificates come in the background)", Duration.ofMinutes(3), () -> {
            HttpResponse<String> signed = sign(a, chairman, documentId, "PERSONAL");
            if (signed.statusCode() == 201) {
                return true;
            }
            if (signed.statusCode() != 409 && signed.statusCode() != 403) {
                throw new IllegalStateException("Signing refused: " + signed.statusCode() + " " + signed.body());
            }
            return null;
        });
        step("signDocument PERSONAL, chairman's server-held key (file-backed)", began, pdfSize);
        // The seal sends the document to B: from here on watch A's package being written and both logs.
        Watch watch = new Watch(aTemporary);
        watch.start();
        // CongVan's own warnings and every error; DSS's (a demo certificate without revocation data) are left out.
        String ours = "(WARN|ERROR) .*\\] (vn\\.congvan|v\\.c\\.)|ERROR|not sent";
        LogWatch aWatch = new LogWatch(aLog, "The hub refused package", ours);
        LogWatch bWatch = new LogWatch(bLog, "cannot be read|could not be read", ours);
        began = System.nanoTime();
        HttpResponse<String> sealed = sign(a, clerk, documentId, "ORGANIZATION");
        require(sealed.statusCode() == 201, "Seal refused: " + sealed.body());
        step("signDocument ORGANIZATION, the seal (the axis sending starts)", began, pdfSize);
        Instant sealedAt = Instant.now();

        // Inside A: the recipient unit's tray. A document numbered with createOutgoingDocument reaches
        // the units it names once sealed (in the background, at once); an older CongVan did not
        // deliver it by itself, and the clerk adds the unit then.
        began = System.nanoTime();
        boolean deliveredByItself = false;
        for (int tries = 0; tries < 100 && !deliveredByItself; tries++) {
            deliveredByItself = arrivalAtA(a, constructionClerk, documentId) != null;
            if (!deliveredByItself) {
                Thread.sleep(100);
            }
        }
        if (!deliveredByItself) {
            HttpResponse<String> added = postJson(
                    a,
                    "/api/v1/documents/" + documentId + "/recipient-changes",
                    clerk,
                    "{\"added\":[\"" + construction + "\"],\"reason\":\"Gửi Sở Xây dựng\"}");
            require(added.statusCode() == 200, "updateOutgoingRecipients refused: " + added.body());
        }
        String delivery = waitFor(
                "the arrival at A's Department of Construction",
                Duration.ofMinutes(5),
                () -> arrivalAtA(a, constructionClerk, documentId));
        step(
                deliveredByItself
                        ? "delivered inside A by the seal"
                        : "delivered inside A by updateOutgoingRecipients (not by the issue)",
                began,
                0);

        // Through the hub: the hub's account of A's package, and B's tray.
        Axis axis = new Axis(hub, systemId, secret);
        Instant atHub = null;
        Instant fetched = null;
        Instant done = null;
        String arrival = null;
        Duration patience = Duration.ofSeconds(Math.max(1800, size / MIB));
        long deadline = System.nanoTime() + patience.toNanos();
        while (arrival == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Nothing arrived at B in " + patience);
            }
            aWatch.scan();
            bWatch.scan();
            String sent = axis.sent(edxmlId);
            if (sent != null) {
                if (atHub == null) {
                    atHub = Instant.parse(first(sent, "\"sentAt\":\"([^\"]+)\""));
                }
                Matcher state = Pattern.compile("\"state\":\"(\\w+)\".*?\"at\":\"([^\"]+)\"")
                        .matcher(sent);
                if (state.find()) {
                    if (fetched == null && !state.group(1).equals("PENDING")) {
                        fetched = Instant.now();
                    }
                    if (done == null && state.group(1).equals("DONE")) {
                        done = Instant.parse(state.group(2));
                    }
                }
            }
            arrival = arrivalAtB(b, bClerk, bAgency, edxmlId);
            if (arrival == null) {
                Thread.sleep(1000);
            }
        }
        Instant arrivedAtB = Instant.now();
        watch.interrupt();
        long packageSize = watch.largest.get();
        Instant written = watch.lastSeen.get();
        if (written != null && atHub != null) {
            step("A writes the edXML package (base64) and keeps it", sealedAt, written, packageSize);
            step("A sends it to the hub in pieces, the hub joins them", written, atHub, packageSize);
        } else if (atHub != null) {
            step("A writes the package and sends it to the hub", sealedAt, atHub, packageSize);
        }
        if (atHub != null && done != null) {
            step("B fetches it from the hub, checks, keeps and reads it, acknowledges", atHub, done, packageSize);
            step("B's tray: the package read again, the PDF's signatures validated", done, arrivedAtB, packageSize);
        }
        step("seal at A to arrival in B's tray, in all", sealedAt, arrivedAtB, size);
        System.out.printf(
                "package %,d bytes; hub accepted %s, B's fetch seen %s, acknowledged %s, in B's tray %s%n",
                packageSize, atHub, fetched, done, arrivedAtB);
        String arrived = get(b, "/api/v1/electronic-arrivals/" + arrival, bClerk);
        System.out.println("arrival at B: verdict "
                + first(arrived, "\"signatureVerdict\":\"(\\w+)\"")
                + ", flagged " + first(arrived, "\"flagged\":(\\w+)"));

        // At B: the clerk registers it; the attachment and the PDF come down through the API.
        began = System.nanoTime();
        HttpResponse<String> registered =
                postJson(b, "/api/v1/electronic-arrivals/" + arrival + "/registration", bClerk, "{}");
        require(registered.statusCode() == 201, "registerElectronicArrival refused: " + registered.body());
        step("registerElectronicArrival at B (the package read a third time)", began, size);
        String incomingAtB = first(registered.body(), "\"id\":\"([0-9a-f-]{36})\"");
        began = System.nanoTime();
        String atB = download(b, bClerk, incomingAtB, fileOf(registered.body(), "ATTACHMENT"), null);
        step("download the dossier at B and hash it", began, size);
        require(atB.equals(original), "B's dossier has SHA-256 " + atB + ", the original " + original);
        System.out.println("dossier at B: SHA-256 matches the original");
        Path signedPdf = work.resolve("signed-at-b.pdf");
        download(b, bClerk, incomingAtB, fileOf(registered.body(), "MAIN"), signedPdf);
        began = System.nanoTime();
        String report = validate(b, bClerk, signedPdf);
        step("validateSignatures at B (the signed PDF posted)", began, Files.size(signedPdf));
        System.out.println("validateSignatures at B: " + summary(report));
        System.out.println("kept verdict at B (getSignatureValidation): "
                + summary(get(b, "/api/v1/documents/" + incomingAtB + "/signature-validation", bClerk)));

        // Inside A: the Department of Construction registers it and takes the dossier down.
        began = System.nanoTime();
        HttpResponse<String> copy =
                postJson(a, "/api/v1/arrivals/" + delivery + "/registration", constructionClerk, "{}");
        require(copy.statusCode() == 201, "registerArrival refused: " + copy.body());
        step("registerArrival at A's Department of Construction", began, 0);
        String incomingAtA = first(copy.body(), "\"id\":\"([0-9a-f-]{36})\"");
        began = System.nanoTime();
        String atA = download(a, constructionClerk, incomingAtA, fileOf(copy.body(), "ATTACHMENT"), null);
        step("download the dossier at A's recipient and hash it", began, size);
        require(atA.equals(original), "A's recipient's dossier has SHA-256 " + atA);
        System.out.println("dossier at A's recipient: SHA-256 matches the original");
        pdfsig(signedPdf);

        System.out.println();
        System.out.println("| step | seconds | MiB | MB/s |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (Step s : STEPS) {
            double mib = s.bytes() / (double) MIB;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %s | %s |%n",
                    s.name(),
                    s.seconds(),
                    s.bytes() == 0 ? "" : String.format(Locale.ROOT, "%,.0f", mib),
                    s.bytes() == 0 || s.seconds() <= 0 ? "" : String.format(Locale.ROOT, "%.0f", mib / s.seconds()));
        }
    }

    /**
     * The generated dossier: SplitMix64's sequence, incompressible, never repeating a block (the hub keeps
     * pieces by their hash) and the same every run; some 5 GB/s, so the client is never the limit.
     */
    static final class Dossier extends InputStream {
        private final byte[] block = new byte[1 << 20];
        private final java.nio.LongBuffer longs = java.nio.ByteBuffer.wrap(block)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asLongBuffer();
        private int position = block.length;
        private long state = 2026;
        private long remaining;

        Dossier(long size) {
            this.remaining = size;
        }

        static byte[] digestOf(long size) throws IOException {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[1 << 20];
            try (Dossier in = new Dossier(size)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                }
            }
            return sha256.digest();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            if (position == block.length) {
                longs.clear();
                while (longs.hasRemaining()) {
                    long z = (state += 0x9E3779B97F4A7C15L);
                    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                    longs.put(z ^ (z >>> 31));
                }
                position = 0;
            }
            int n = (int) Math.min(Math.min(len, block.length - position), remaining);
            System.arraycopy(block, position, b, off, n);
            position += n;
            remaining -= n;
            return n;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** Watches A's temporary directory for the package being written, and when it is gone (kept). */
    static final class Watch extends Thread {
        final AtomicReference<Instant> lastSeen = new AtomicReference<>();
        final java.util.concurrent.atomic.AtomicLong largest = new java.util.concurrent.atomic.AtomicLong();
        private final Path directory;

        Watch(Path directory) {
            this.directory = directory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try (var files = Files.list(directory)) {
                    files.filter(f -> f.getFileName().toString().startsWith("congvan-package-"))
                            .forEach(f -> {
                                lastSeen.set(Instant.now());
                                try {
                                    largest.accumulateAndGet(Files.size(f), Math::max);
                                } catch (IOException gone) {
                                    // kept and removed meanwhile
                                }
                            });
                    Thread.sleep(250);
                } catch (IOException e) {
                    // the directory is being written to; look again
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Requests to the hub as A's system, signed as docs/axis-protocol.md says. */
    record Axis(String hub, String system, String secret) {
        /** The hub's account of the document package A sent, or null while it has none. */
        String sent(String edxmlDocumentId) throws Exception {
            String path = "/api/v1/axis/edocs/sent?limit=1000";
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String nonce = UUID.randomUUID().toString();
            String bodyHash = hex(sha256().digest(new byte[0]));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder()
                    .encodeToString(mac.doFinal(("GET\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash)
                            .getBytes(StandardCharsets.UTF_8)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub + path))
                    .header("X-Axis-System", system)
                    .header("X-Axis-Timestamp", timestamp)
                    .header("X-Axis-Nonce", nonce)
                    .header("X-Axis-Content-SHA256", bodyHash)
                    .header("X-Axis-Signature", signature)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            String body =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            // One package per object: {"id":…,"documentId":…,…,"recipients":[{…}]}
            for (String one : body.split("\\},\\{\"id\"")) {
                if (one.contains("\"documentId\":\"" + edxmlDocumentId.replace("\\", "\\\\") + "\"")
                        && one.contains("\"kind\":\"DOCUMENT\"")) {
                    return one;
                }
            }
            return null;
        }
    }

    static void step(String name, long beganNanos, long bytes) {
        STEPS.add(new Step(name, (System.nanoTime() - beganNanos) / 1e9, bytes));
        System.out.printf(
                Locale.ROOT,
                "%-75s %8.1f s%n",
                name,
                STEPS.get(STEPS.size() - 1).seconds());
    }

    static void step(String name, Instant from, Instant to, long bytes) {
        STEPS.add(new Step(name, Duration.between(from, to).toMillis() / 1000.0, bytes));
        System.out.printf(
                Locale.ROOT,
                "%-75s %8.1f s%n",
                name,
                STEPS.get(STEPS.size() - 1).seconds());
    }

    static String upload(
            String base,
            String token,
            String name,
            String type,
            long length,
            java.util.function.Supplier<InputStream> body)
            throws IOException, InterruptedException {
        Base64.Encoder b64 = Base64.getEncoder();
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads"))
                        .header("Authorization", "Bearer " + token)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", Long.toString(length))
                        .header(
                                "Upload-Metadata",
                                "filename " + b64.encodeToString(name.getBytes(StandardCharsets.UTF_8)) + ",filetype "
                                        + b64.encodeToString(type.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        require(
                created.statusCode() == 201,
                "createFileUpload refused: " + created.statusCode() + " " + created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        URI uri = URI.create(base).resolve(location);
        HttpResponse<String> patched = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", "0")
                        .header("Content-Type", "application/offset+octet-stream")
                        .timeout(Duration.ofHours(2))
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofInputStream(body), length))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        require(
                patched.statusCode() == 204
                        && patched.headers()
                                .firstValue("Upload-Offset")
                                .orElse("")
                                .equals(Long.toString(length)),
                "resumeFileUpload: " + patched.statusCode() + " "
                        + patched.headers().map() + " " + patched.body());
        return uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
    }

    static String createOutgoing(
            String base, String clerk, String committee, String construction, String pdfUpload, String dossierUpload)
            throws IOException, InterruptedException {
        String boundary = "----big-dossier-" + System.nanoTime();
        String metadata = "{\"unitId\":\"" + committee + "\",\"typeName\":\"Quyết định\","
                + "\"subject\":\"Về việc phê duyệt đồ án quy hoạch phân khu tỷ lệ 1/2000 (đo tải hồ sơ lớn)\","
                + "\"signerPosition\":\"Chủ tịch\",\"toPlaces\":\"Như trên\","
                + "\"recipients\":[{\"unitId\":\"" + construction + "\"},{\"organId\":\"" + B_ORGAN
                + "\",\"organName\":\"" + B_AGENCY + "\"}],"
                + "\"fileUploadId\":\"" + pdfUpload + "\",\"attachmentUploadIds\":[\"" + dossierUpload + "\"],"
                + "\"submissionKey\":\"big-dossier-" + System.nanoTime() + "\"}";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/outgoing"))
                        .header("Authorization", "Bearer " + clerk)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        require(created.statusCode() == 201, "createOutgoingDocument refused: " + created.body());
        return created.body();
    }

    static HttpResponse<String> sign(String base, String token, String documentId, String kind)
            throws IOException, InterruptedException {
        return postJson(base, "/api/v1/documents/" + documentId + "/signatures", token, "{\"kind\":\"" + kind + "\"}");
    }

    /** The delivery of the document waiting in the tray of A's recipient unit, or null. */
    static String arrivalAtA(String base, String clerk, String documentId) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("\"deliveryId\":\"([0-9a-f-]{36})\",\"documentId\":\"" + documentId + "\"")
                .matcher(get(base, "/api/v1/arrivals", clerk));
        return m.find() ? m.group(1) : null;
    }

    /** The electronic arrival of the package in the tray of B's agency, or null. */
    static String arrivalAtB(String base, String clerk, String unitId, String edxmlId)
            throws IOException, InterruptedException {
        String tray = get(base, "/api/v1/units/" + unitId + "/electronic-arrivals?limit=20", clerk);
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"unitId\":\"[0-9a-f-]{36}\",\"documentId\":\""
                        + Pattern.quote(edxmlId) + "\"")
                .matcher(tray);
        return m.find() ? m.group(1) : null;
    }

    /** B's administrator opens its Department of Construction with the code A sends to, and a clerk. */
    static String openAgency(String b) throws IOException, InterruptedException {
        String admin = token(b, "admin");
        String province = first(get(b, "/api/v1/units?level=PROVINCE", admin), "\"id\":\"([0-9a-f-]{36})\"");
        HttpResponse<String> unit = postJson(
                b,
                "/api/v1/units",
                admin,
                "{\"parentId\":\"" + province + "\",\"kind\":\"AGENCY\",\"name\":\"" + B_AGENCY
                        + "\",\"abbreviation\":\"SXD\",\"legacyCode\":\"" + B_ORGAN + "\"}");
        require(unit.statusCode() == 201, "createUnit refused: " + unit.body());
        String unitId = first(unit.body(), "\"id\":\"([0-9a-f-]{36})\"");
        HttpResponse<String> clerk = postJson(
                b,
                "/api/v1/users",
                admin,
                "{\"username\":\"vanthu.sxd\",\"fullName\":\"Văn thư Sở Xây dựng\",\"password\":\"" + password
                        + "\",\"unitId\":\"" + unitId + "\",\"role\":\"CLERK\"}");
        require(clerk.statusCode() == 201, "createUser refused: " + clerk.body());
        return unitId;
    }

    static String unitId(String base, String token, String name) throws IOException, InterruptedException {
        String units = get(base, "/api/v1/units?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8), token);
        return first(units, "\"id\":\"([0-9a-f-]{36})\"[^{}]*\"name\":\"" + Pattern.quote(name) + "\"");
    }

    /** The id of the document's file in the role (MAIN, ATTACHMENT). */
    static String fileOf(String document, String role) {
        return first(document, "\"id\":\"([0-9a-f-]{36})\",\"role\":\"" + role + "\"");
    }

    /** Downloads a document's file, hashing it as it comes; keeps it in {@code target} when given. */
    static String download(String base, String token, String documentId, String fileId, Path target)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + documentId + "/files/" + fileId))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(10))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        require(answer.statusCode() == 200, "downloadDocumentFile: " + answer.statusCode());
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = answer.body();
                var out = target == null ? java.io.OutputStream.nullOutputStream() : Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return hex(sha256.digest());
    }

    static String validate(String base, String token, Path pdf) throws IOException, InterruptedException {
        String boundary = "----big-dossier-" + System.nanoTime();
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/signature-validations"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofString("--" + boundary
                                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"signed.pdf\"\r\n"
                                        + "Content-Type: application/pdf\r\n\r\n"),
                                HttpRequest.BodyPublishers.ofFile(pdf),
                                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        require(answer.statusCode() == 200, "validateSignatures: " + answer.statusCode() + " " + answer.body());
        return answer.body();
    }

    /** Each signature's signer and result, as the report says them. */
    static String summary(String report) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile("\"signerName\":\"([^\"]*)\".*?\"result\":\"(\\w+)\"")
                .matcher(report);
        while (m.find()) {
            parts.add(m.group(1) + " " + m.group(2));
        }
        Matcher verdict = Pattern.compile("\"verdict\":\"(\\w+)\"").matcher(report);
        return (verdict.find() ? verdict.group(1) + ": " : "") + (parts.isEmpty() ? report : String.join("; ", parts));
    }

    /** poppler's pdfsig, if installed, as an independent verifier of the PDF B received. */
    static void pdfsig(Path pdf) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("pdfsig", pdf.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            System.out.println("pdfsig: not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<String> lines = out.lines()
                .filter(l -> l.startsWith("Signature #")
                        || l.contains("Signer Certificate Common Name")
                        || l.contains("Signature Validation")
                        || l.contains("Certificate Validation")
                        || l.contains("Total document signed"))
                .map(String::strip)
                .toList();
        System.out.println("pdfsig at B's copy: " + String.join(" | ", lines));
    }

    /** Follows a server's log from now on: prints lines worth knowing, stops the run on a fatal one. */
    static final class LogWatch {
        private final Path log;
        private final Pattern fatal;
        private final Pattern worthKnowing;
        private long read;

        LogWatch(Path log, String fatal, String worthKnowing) throws IOException {
            this.log = log;
            this.fatal = Pattern.compile(fatal);
            this.worthKnowing = Pattern.compile(worthKnowing);
            this.read = Files.size(log);
        }

        void scan() throws IOException {
            long size = Files.size(log);
            if (size <= read) {
                return;
            }
            byte[] added;
            try (var channel = java.nio.channels.FileChannel.open(log)) {
                var buffer = java.nio.ByteBuffer.allocate((int) Math.min(size - read, 1 << 20));
                channel.read(buffer, read);
                added = java.util.Arrays.copyOf(buffer.array(), buffer.position());
            }
            String text = new String(added, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return;
            }
            read += text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
            for (String line : text.substring(0, end).split("\n")) {
                if (fatal.matcher(line).find()) {
                    throw new IllegalStateException("Failed (" + log.getFileName() + "): " + line);
                }
                if (worthKnowing.matcher(line).find()) {
                    System.out.println("  " + log.getFileName() + ": " + line);
                }
            }
        }
    }

    interface Poll<T> {
        T once() throws Exception;
    }

    static <T> T waitFor(String what, Duration patience, Poll<T> poll) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            T found = poll.once();
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Waited " + patience + " for " + what);
            }
            Thread.sleep(1000);
        }
    }

    static HttpResponse<String> postJson(String base, String path, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(60))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token(String base, String username) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build();
        return first(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body(), "\"token\":\"([^\"]+)\"");
    }

    static String get(String base, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    static String first(String text, String pattern) {
        Matcher m = Pattern.compile(pattern, Pattern.DOTALL).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("Not found " + pattern + " in " + text);
        }
        return m.group(1);
    }

    static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalStateException(otherwise);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
