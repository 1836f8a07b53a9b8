package vn.congvan.exchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.congvan.AcrossProcesses;
import vn.congvan.ApiClient;
import vn.congvan.CuttingProxy;
import vn.congvan.S3Proxy;

/**
 * Large files over a bad line, with the official tus Java client, against CongVan in a process of
 * its own with a 384 MB heap, keeping its files in an S3 bucket (S3Proxy, a server of its own): a
 * 2 GB file whose line is cut three times arrives whole and becomes an object of the bucket, and an
 * upload whose server is killed with {@code kill -9} half-way resumes after the restart from the
 * bytes the server had acknowledged. Both are then attached to a document by their ids.
 */
@AcrossProcesses
class LargeUploadsTests {

    static final String PROVINCE = "000.00.00.H10";
    static final String BUCKET = "congvan-large-uploads";
    static final Duration START = Duration.ofMinutes(5);
    static final long TWO_GB = 2L * 1024 * 1024 * 1024;
    static final int MB = 1024 * 1024;

    Path dataDir =
            Path.of("target", "large-uploads", UUID.randomUUID().toString()).toAbsolutePath();
    CongVanProcess server;
    S3Proxy objectStore;

    @AfterEach
    void stopTheServerAndDropItsGigabytes() throws Exception {
        if (server != null) {
            server.close();
        }
        if (objectStore != null) {
            objectStore.close();
        }
        // Killed, the server leaves its database to its watchdog, which stops it in the background:
        // the directory goes once the database has ended (deleting it sooner raced the database's
        // own removal of its files: NoSuchFileException on postmaster.pid, seen once in 13 runs).
        CongVanProcess.awaitTheDatabaseEndedOn(dataDir);
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void aTwoGigabyteFileOverALineCutThreeTimesAndAnUploadWhoseServerIsKilledBothArriveWhole() throws Exception {
        objectStore = S3Proxy.start();
        Map<String, String> settings = new HashMap<>(objectStore.settings(BUCKET));
        settings.put("congvan.data-dir", dataDir.toString());
        // An installation of its own, without the demo's documents and certificates.
        settings.put("congvan.demo.enabled", "false");
        settings.put("congvan.province.name", "Ủy ban nhân dân tỉnh Bắc Giang");
        settings.put("congvan.province.code", PROVINCE);
        // The PATCH cut by the kill holds its upload this long (423 meanwhile).
        settings.put("congvan.storage.uploads.hold", "PT5S");
        server = CongVanProcess.start(
                "large-uploads",
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-Xshare:auto"),
                settings,
                Map.of("CONGVAN_DEMO_PASSWORD", OfficeInstallation.PASSWORD));
        server.awaitHealthy(START);
        OfficeInstallation.Agency construction = new OfficeInstallation(server, PROVINCE)
                .openAgency("Sở Xây dựng tỉnh Bắc Giang", "SXD", "000.00.20.H10", "vanthu.sxd");
        String token = construction.token();

        Uploaded large;
        try (CuttingProxy line = new CuttingProxy(server.port(), CuttingProxy.Direction.TO_HUB, 300L * MB, 3)) {
            large = uploadResuming(client(line.url(), token), upload("Hồ sơ quy hoạch phân khu 1-2000.zip", TWO_GB));
            assertThat(line.cutsMade()).isEqualTo(3);
        }
        assertThat(large.resumptions()).isGreaterThanOrEqualTo(3);
        assertThat(offset(large.id(), token)).isEqualTo(TWO_GB);

        // Half of a second file, then kill -9: what the server acknowledged is there after the restart.
        long size = 96L * MB;
        TusClient client = client(server.url(), token);
        TusUpload second = upload("Bản vẽ tổng mặt bằng.pdf.zip", size);
        TusUploader uploader = client.createUpload(second);
        uploader.setChunkSize(MB);
        uploader.setRequestPayloadSize((int) size);
        String halfway = idOf(uploader.getUploadURL());
        // Sent until the server says it holds two pieces at least (its checkpoints count what is in
        // the bucket), then kill -9. How far the server's reading lags behind what the client wrote
        // depends on the machine's load: a fixed window (60 MiB written, 32 or 48 held) once found
        // 16 held. So the server is asked, and what it acknowledged must survive.
        long acknowledged = 0;
        java.time.Instant patience = java.time.Instant.now().plus(START);
        while (acknowledged < 32L * MB && java.time.Instant.now().isBefore(patience)) {
            if (uploader.getOffset() < size - MB) {
                uploader.uploadChunk();
            } else {
                Thread.sleep(200);
            }
            acknowledged = offset(halfway, token);
        }
        assertThat(acknowledged).as("held by the server before the kill").isGreaterThanOrEqualTo(32L * MB);
        long written = uploader.getOffset();
        server.kill();
        server.restart().awaitHealthy(START);
        long held = offset(halfway, token);
        // In the bucket the upload is held in pieces of 16 MiB, each put while the next is gathered.
        assertThat(held)
                .as("the pieces acknowledged before the kill survive it")
                .isBetween(acknowledged, written);
        assertThat(held % (16L * MB)).as("whole pieces").isZero();
        assertThat(uploadResuming(client, second).id()).isEqualTo(halfway);
        assertThat(offset(halfway, token)).isEqualTo(size);

        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", construction.id().toString());
        metadata.put("typeName", "Tờ trình");
        metadata.put("codeNumber", "12");
        metadata.put("codeNotation", "TTr-SXD");
        metadata.put("issuedDate", LocalDate.now().minusDays(1).toString());
        metadata.put("organName", "Sở Xây dựng");
        metadata.put("subject", "Về việc thẩm định đồ án quy hoạch phân khu");
        metadata.put("attachmentUploadIds", List.of(large.id(), halfway));
        ApiClient clerk = new ApiClient(server.port(), token);
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                metadata,
                ApiClient.FilePart.pdf("to-trinh.pdf", vn.congvan.SamplePdf.withText("TỜ TRÌNH")),
                List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        List<?> files = (List<?>) registered.get("files");
        String largeSha256 = sha256Of(TWO_GB);
        assertThat(((Map<?, ?>) files.get(1)).get("sha256")).isEqualTo(largeSha256);
        assertThat(((Map<?, ?>) files.get(1)).get("size")).isEqualTo(TWO_GB);
        assertThat(objectStore.sizeOf(BUCKET, "blobs/" + largeSha256))
                .as("the 2 GB file is an object of the bucket")
                .isEqualTo(TWO_GB);
        assertThat(((Map<?, ?>) files.get(2)).get("sha256")).isEqualTo(sha256Of(size));
        assertThat(Files.readString(server.log()))
                .contains("CongVan answers at " + server.url() + "/: sign in as admin");
    }

    /** An upload sent to its end: its id, and how many times it had to be resumed. */
    record Uploaded(String id, int resumptions) {}

    /** Uploads to the end, resuming from the server's offset after every failure. */
    private static Uploaded uploadResuming(TusClient client, TusUpload upload) throws Exception {
        int resumptions = 0;
        while (true) {
            try {
                // A fresh stream each time: the client skips it to the offset the server holds.
                upload.setInputStream(new Pattern(upload.getSize()));
                TusUploader uploader = client.resumeOrCreateUpload(upload);
                uploader.setChunkSize(MB);
                uploader.setRequestPayloadSize(64 * MB);
                while (uploader.uploadChunk() > -1) {
                    // each request carries up to 64 MB
                }
                uploader.finish();
                return new Uploaded(idOf(uploader.getUploadURL()), resumptions);
            } catch (IOException | ProtocolException lineDropped) {
                resumptions++;
                assertThat(resumptions).as("resumptions, last: " + lineDropped).isLessThan(40);
                // The server lets the upload go when it notices the dropped line, or, when it was
                // killed, once the PATCH's hold has passed.
                Thread.sleep(1000);
            }
        }
    }

    private static TusClient client(String base, String token) throws IOException {
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL(base + "/api/v1/uploads"));
        client.setHeaders(Map.of("Authorization", "Bearer " + token));
        client.enableResuming(new TusURLMemoryStore());
        return client;
    }

    private static TusUpload upload(String name, long size) {
        TusUpload upload = new TusUpload();
        upload.setSize(size);
        upload.setInputStream(new Pattern(size));
        upload.setFingerprint(UUID.randomUUID().toString());
        upload.setMetadata(Map.of("filename", name, "filetype", "application/zip"));
        return upload;
    }

    private static String idOf(URL url) {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private long offset(String id, String token) throws Exception {
        HttpResponse<Void> head = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/uploads/" + id))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .header("Tus-Resumable", "1.0.0")
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    private static String sha256Of(long size) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[MB];
        try (InputStream in = new Pattern(size)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * {@code size} bytes never held whole: a random mebibyte repeated, each copy starting with its
     * number, so that no two mebibytes are alike; read again from any position (mark, reset, skip),
     * as the tus client does when it resumes.
     */
    static final class Pattern extends InputStream {

        private static final byte[] BLOCK = new byte[MB];

        static {
            new java.util.Random(2026).nextBytes(BLOCK);
        }

        private final long size;
        private long position;
        private long mark;

        Pattern(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            int done = 0;
            while (done < n) {
                int inBlock = (int) (position % MB);
                int run = Math.min(n - done, MB - inBlock);
                System.arraycopy(BLOCK, inBlock, buffer, offset + done, run);
                // The first 8 bytes of every mebibyte are its number.
                for (int k = inBlock; k < 8 && k < inBlock + run; k++) {
                    buffer[offset + done + k - inBlock] = (byte) ((position / MB) >>> (8 * k));
                }
                done += run;
                position += run;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public synchronized void mark(int limit) {
            mark = position;
        }

        @Override
        public synchronized void reset() {
            position = mark;
        }
    }
}
