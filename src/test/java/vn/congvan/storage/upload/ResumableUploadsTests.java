package vn.congvan.storage.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.storage.Blobs;

/**
 * Resumable uploads over real HTTP, by the official tus Java client and by hand where a client would
 * not misbehave: a file arrives whole and addressed by its SHA-256, a dropped line costs only what
 * was not written, and every bad request is refused with tus's status and changes nothing.
 */
@CongVanTest
class ResumableUploadsTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Blobs blobs;

    @Autowired
    vn.congvan.platform.CongVanProperties properties;

    @Autowired
    UploadExpiry expiry;

    @Autowired
    FileUploadRows rows;

    String clerkToken;
    String otherToken;

    @BeforeEach
    void twoOfficials() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        var unit = province.aUnit("Sở Xây dựng " + UUID.randomUUID(), "SXD");
        clerkToken = province.tokenFor(province.anOfficial("Nguyễn Thị Tải", Role.CLERK, unit.id()));
        otherToken = province.tokenFor(province.anOfficial("Trần Văn Khác", Role.CLERK, unit.id()));
    }

    @Test
    void theOfficialTusClientUploadsAFileInChunksAndItIsKeptUnderItsSha256() throws Exception {
        byte[] content = randomBytes(5 * 1024 * 1024 + 123);
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL(base()));
        client.setHeaders(Map.of("Authorization", "Bearer " + clerkToken));
        TusUpload upload = new TusUpload();
        upload.setInputStream(new ByteArrayInputStream(content));
        upload.setSize(content.length);
        upload.setFingerprint(UUID.randomUUID().toString());
        upload.setMetadata(Map.of("filename", "Quy hoạch chi tiết 1-500.pdf", "filetype", "application/pdf"));

        TusUploader uploader = client.createUpload(upload);
        uploader.setChunkSize(1024 * 1024);
        while (uploader.uploadChunk() > -1) {
            // every chunk is one PATCH
        }
        uploader.finish();

        HttpResponse<Void> head =
                send(HttpRequest.newBuilder(uploader.getUploadURL().toURI())
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("Tus-Resumable", "1.0.0")
                        .header("Authorization", "Bearer " + clerkToken));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(content.length));
        UUID id = idOf(uploader.getUploadURL().toURI());
        String sha256 = jdbc.sql("select sha256 from file_upload where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(sha256).isEqualTo(sha256(content));
        assertThat(blobs.exists(sha256)).isTrue();
        try (var in = blobs.open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(jdbc.sql("select file_name from file_upload where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Quy hoạch chi tiết 1-500.pdf");
        assertThat(partOf(id)).doesNotExist();
    }

    @Test
    void aLineThatDropsMidPatchCostsOnlyTheBytesNotYetWrittenAndTheUploadResumesThere() throws Exception {
        byte[] content = randomBytes(3 * 1024 * 1024);
        URI upload = create(clerkToken, content.length);

        int sent = 2 * 1024 * 1024 + 77;
        patchThenDropTheLine(upload, content, sent);

        long held = offset(upload, clerkToken);
        assertThat(held).isEqualTo(sent);
        HttpResponse<Void> rest = patch(upload, clerkToken, held, slice(content, (int) held, content.length), null);
        assertThat(rest.statusCode()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(content.length));
        String sha256 = jdbc.sql("select sha256 from file_upload where id = ?")
                .param(idOf(upload))
                .query(String.class)
                .single();
        assertThat(sha256).isEqualTo(sha256(content));
    }

    @Test
    void anEmptyPatchAtTheEndOfACompleteUploadIsAnsweredWithItsOffsetAndMoreBytesAreRefused() throws Exception {
        byte[] content = randomBytes(5000);
        URI upload = create(clerkToken, content.length);
        assertThat(patch(upload, clerkToken, 0, content, null).statusCode()).isEqualTo(204);

        HttpResponse<Void> empty = patch(upload, clerkToken, content.length, new byte[0], null);
        HttpResponse<Void> more = patch(upload, clerkToken, content.length, randomBytes(10), null);

        assertThat(empty.statusCode()).isEqualTo(204);
        assertThat(empty.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(content.length));
        assertThat(more.statusCode()).isEqualTo(409);
    }

    @Test
    void bytesAtAnotherOffsetThanTheServerHoldsAreRefusedWithTheOffsetToResumeAt() throws Exception {
        URI upload = create(clerkToken, 1000);
        assertThat(patch(upload, clerkToken, 0, randomBytes(400), null).statusCode())
                .isEqualTo(204);

        HttpResponse<Void> refused = patch(upload, clerkToken, 100, randomBytes(10), null);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(offset(upload, clerkToken)).isEqualTo(400);
    }

    @Test
    void bytesThatDoNotMatchTheirChecksumAreRefusedWith460AndNotKept() throws Exception {
        URI upload = create(clerkToken, 1000);
        byte[] bytes = randomBytes(500);

        HttpResponse<Void> refused =
                patch(upload, clerkToken, 0, bytes, sha256Header("other bytes".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(460);
        assertThat(offset(upload, clerkToken)).isZero();

        HttpResponse<Void> accepted = patch(upload, clerkToken, 0, bytes, sha256Header(bytes));
        assertThat(accepted.statusCode()).isEqualTo(204);
        assertThat(offset(upload, clerkToken)).isEqualTo(500);
    }

    @Test
    void anotherOfficialsUploadIsUnknownToThem() throws Exception {
        URI upload = create(clerkToken, 1000);

        assertThat(head(upload, otherToken).statusCode()).isEqualTo(404);
        assertThat(patch(upload, otherToken, 0, randomBytes(10), null).statusCode())
                .isEqualTo(404);
        assertThat(send(authorized(HttpRequest.newBuilder(upload), otherToken).DELETE())
                        .statusCode())
                .isEqualTo(404);
        assertThat(offset(upload, clerkToken)).isZero();
    }

    @Test
    void aSecondPatchWhileOneIsWritingIsRefusedAsLocked() throws Exception {
        URI upload = create(clerkToken, 1000);
        Instant now = Instant.now();
        assertThat(rows.hold(idOf(upload), UUID.randomUUID(), 0, now, now.plusSeconds(60)))
                .isTrue();

        assertThat(patch(upload, clerkToken, 0, randomBytes(10), null).statusCode())
                .isEqualTo(423);
        assertThat(offset(upload, clerkToken)).isZero();
    }

    @Test
    void aPatchWhoseClientFellSilentKeepsTheUploadFromASecondPatchAndOnceAnotherNodeTookItCountsNothingMore()
            throws Exception {
        byte[] content = randomBytes(10 * 1024 * 1024);
        URI upload = create(clerkToken, content.length);
        UUID id = idOf(upload);
        int first = 1024 * 1024;
        UUID otherNode = UUID.randomUUID();
        try (Socket stalled = new Socket("localhost", port)) {
            stalled.setSoTimeout(30_000);
            OutputStream out = stalled.getOutputStream();
            out.write(patchHead(upload, 0, content.length).getBytes(StandardCharsets.US_ASCII));
            out.write(content, 0, first);
            out.flush();
            Instant deadline = Instant.now().plusSeconds(30);
            while (holder(id) == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(holder(id)).as("the first PATCH holds the upload").isNotNull();

            // Its client falls silent past the hold: a second PATCH on this node is still refused,
            // as it would write the same bytes beside the first one.
            jdbc.sql("update file_upload set held_until = now() - interval '1 minute' where id = ?")
                    .param(id)
                    .update();
            assertThat(patch(upload, clerkToken, 0, Arrays.copyOf(content, 10), null)
                            .statusCode())
                    .isEqualTo(423);

            // Another node's PATCH takes the expired hold: the first one, when its client speaks
            // again, counts nothing at its checkpoint nor at its end, and leaves the other's hold.
            jdbc.sql("update file_upload set held_by = ?, held_until = now() + interval '1 minute' where id = ?")
                    .params(otherNode, id)
                    .update();
            out.write(content, first, content.length - first);
            out.flush();
            String status = new String(stalled.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 423");
        }
        assertThat(holder(id)).isEqualTo(otherNode);
        assertThat(jdbc.sql("select upload_offset from file_upload where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void requestsWithoutTheTusVersionOrPastTheLimitsAreRefusedBeforeAnythingIsStored() throws Exception {
        long before = count();
        HttpResponse<String> noVersion = HTTP.send(
                authorized(HttpRequest.newBuilder(URI.create(base())), clerkToken)
                        .header("Upload-Length", "100")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noVersion.statusCode()).isEqualTo(412);

        HttpResponse<String> tooLarge = HTTP.send(
                authorized(HttpRequest.newBuilder(URI.create(base())), clerkToken)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", Long.toString(60L * 1024 * 1024 * 1024))
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("storage.too-large");

        HttpResponse<String> nameWithControl = HTTP.send(
                authorized(HttpRequest.newBuilder(URI.create(base())), clerkToken)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", "100")
                        .header(
                                "Upload-Metadata",
                                "filename "
                                        + Base64.getEncoder()
                                                .encodeToString("a\u0000b.pdf".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(nameWithControl.statusCode()).isEqualTo(400);
        assertThat(nameWithControl.body()).contains("storage.file-name.control");

        HttpResponse<String> anonymous = HTTP.send(
                HttpRequest.newBuilder(URI.create(base()))
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", "100")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aCancelledUploadIsGoneWithItsBytes() throws Exception {
        URI upload = create(clerkToken, 1000);
        patch(upload, clerkToken, 0, randomBytes(300), null);

        HttpResponse<Void> cancelled = send(authorized(HttpRequest.newBuilder(upload), clerkToken)
                .header("Tus-Resumable", "1.0.0")
                .DELETE());

        assertThat(cancelled.statusCode()).isEqualTo(204);
        assertThat(head(upload, clerkToken).statusCode()).isEqualTo(404);
        assertThat(partOf(idOf(upload))).doesNotExist();
    }

    @Test
    void anUploadNobodyResumedBeforeItExpiredIsForgottenWithItsBytes() throws Exception {
        URI upload = create(clerkToken, 1000);
        patch(upload, clerkToken, 0, randomBytes(300), null);
        Path part = partOf(idOf(upload));
        assertThat(part).exists();

        expiry.forgetExpired(Instant.now().plus(Duration.ofDays(2)));

        assertThat(head(upload, clerkToken).statusCode()).isEqualTo(404);
        assertThat(part).doesNotExist();
    }

    @Test
    void bytesNoUnfinishedUploadWantsAreDroppedOnceOlderThanAnUploadLivesAndAnUnfinishedOnesStay() throws Exception {
        URI live = create(clerkToken, 1000);
        patch(live, clerkToken, 0, randomBytes(300), null);
        // The bytes of an upload whose row is gone (its deletion's clean-up failed), written long ago.
        Path leftover = partOf(UUID.randomUUID());
        Files.write(leftover, randomBytes(500));
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(3)));
        Files.setLastModifiedTime(leftover, longAgo);
        Files.setLastModifiedTime(partOf(idOf(live)), longAgo);

        expiry.forgetExpired(Instant.now());

        assertThat(leftover).doesNotExist();
        assertThat(partOf(idOf(live))).exists();
        assertThat(offset(live, clerkToken)).isEqualTo(300);
    }

    @Test
    void theServerSaysWhichTusItSpeaks() throws Exception {
        HttpResponse<Void> options = send(authorized(HttpRequest.newBuilder(URI.create(base())), clerkToken)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(options.headers().firstValue("Tus-Extension").orElseThrow())
                .contains("creation", "creation-with-upload", "termination", "checksum", "expiration");
        assertThat(options.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha256");
    }

    private String base() {
        return "http://localhost:" + port + "/api/v1/uploads";
    }

    private long count() {
        return jdbc.sql("select count(*) from file_upload").query(Long.class).single();
    }

    private URI create(String token, long length) throws Exception {
        HttpResponse<Void> created = send(authorized(HttpRequest.newBuilder(URI.create(base())), token)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(length))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(created.statusCode()).isEqualTo(201);
        return URI.create(base())
                .resolve(created.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<Void> patch(
            URI upload, String token, long offset, byte[] bytes, @org.jspecify.annotations.Nullable String checksum)
            throws Exception {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(upload), token)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (checksum != null) {
            request.header("Upload-Checksum", checksum);
        }
        return send(request);
    }

    private HttpResponse<Void> head(URI upload, String token) throws Exception {
        return send(authorized(HttpRequest.newBuilder(upload), token)
                .header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    private long offset(URI upload, String token) throws Exception {
        HttpResponse<Void> head = head(upload, token);
        assertThat(head.statusCode()).isEqualTo(200);
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** The head of a PATCH written by hand on a socket, as the clerk's browser would send it. */
    private String patchHead(URI upload, long offset, long length) {
        return "PATCH " + upload.getRawPath() + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + clerkToken + "\r\n"
                + "Tus-Resumable: 1.0.0\r\n"
                + "Upload-Offset: " + offset + "\r\n"
                + "Content-Type: application/offset+octet-stream\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    /** The PATCH that holds the upload, if one does. */
    private @org.jspecify.annotations.Nullable UUID holder(UUID upload) {
        return jdbc.sql("select held_by from file_upload where id = ?")
                .param(upload)
                .query(UUID.class)
                .list()
                .get(0);
    }

    /** A PATCH announcing the whole rest of the file whose line drops after {@code sent} bytes. */
    private void patchThenDropTheLine(URI upload, byte[] content, int sent) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(patchHead(upload, 0, content.length).getBytes(StandardCharsets.US_ASCII));
            out.write(content, 0, sent);
            out.flush();
        }
        // The server counts what it wrote once it sees the line gone: wait until it has.
        Instant deadline = Instant.now().plusSeconds(30);
        while (offset(upload, clerkToken) < sent && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<Void> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static UUID idOf(URI upload) {
        String path = upload.getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256Header(byte[] bytes) throws Exception {
        return "sha256 "
                + Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Where this installation (files on its disk) holds the bytes of an unfinished upload. */
    private Path partOf(UUID id) {
        return properties.dataDir().resolve("uploads").resolve(id + ".part");
    }
}
