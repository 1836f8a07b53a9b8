package vn.congvan.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.shared.Role;

@CongVanTest
class BlobSweepTests {

    /** Digest columns that are not blob addresses, each with why. */
    private static final Map<String, String> NOT_CONTENTS = Map.ofEntries(
            Map.entry("blob.sha256", "the catalogue itself"),
            Map.entry("audit_record.hash", "a record's seal in the chain"),
            Map.entry("audit_record.prev_hash", "the seal of the record before"),
            Map.entry("document.submission_digest", "the hash of a request under an Idempotency-Key"),
            Map.entry("signing_certificate.sha256", "a certificate's fingerprint; the certificate is a column"),
            Map.entry("signature_validation.sha256", "a kept verdict on a content, recomputed when asked"),
            Map.entry("signature_validation.trust_list", "the fingerprint of the trust anchors of a verdict"),
            Map.entry("signature_validation_check.sha256", "the verdict it belongs to"),
            Map.entry("signature_validation_check.certificate_sha256", "a signer certificate's fingerprint"),
            Map.entry("revocation_data_cache.request_sha256", "the cache key of an OCSP or CRL request"),
            Map.entry("plugin_session.download_token_hash", "the hash of a one-time token"),
            Map.entry("plugin_session.upload_token_hash", "the hash of a one-time token"));

    private static final Instant A_DAY_AGO = Instant.now().minus(Duration.ofDays(1));

    @LocalServerPort
    int port;

    @Autowired
    Blobs blobs;

    @Autowired
    BlobSweep sweep;

    @Autowired
    List<BlobHolder> holders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    CongVanProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aContentNoRowNamesIsSweptOnceOlderThanTheGracePeriod() throws IOException {
        StoredBlob forgotten = stored("Dự thảo đã thay " + UUID.randomUUID());
        age(forgotten.sha256());

        sweep.sweep(A_DAY_AGO);

        assertThat(blobs.exists(forgotten.sha256())).isFalse();
        assertThat(fileOf(forgotten.sha256())).doesNotExist();
    }

    @Test
    void aContentBroughtWithinTheGracePeriodStaysThoughNoRowNamesItYet() {
        StoredBlob young = stored("Tệp vừa tải lên " + UUID.randomUUID());

        sweep.sweep(A_DAY_AGO);

        assertThat(blobs.exists(young.sha256())).isTrue();
        assertThat(fileOf(young.sha256())).exists();
    }

    @Test
    void theFileOfARegisteredDocumentIsNeverSweptHoweverOld() throws IOException {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit office = province.aUnit("Văn phòng Sở Tư pháp", "VPSTP");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Lò Thị Hoa", Role.CLERK, office.id())));
        byte[] pdf = SamplePdf.withText("CÔNG VĂN " + UUID.randomUUID());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", office.id().toString());
        metadata.put("typeName", "Công văn");
        metadata.put("codeNumber", "12");
        metadata.put("codeNotation", "STP-VP");
        metadata.put("issuedDate", LocalDate.now().minusDays(2).toString());
        metadata.put("organName", "Sở Tư pháp");
        metadata.put("subject", "Về việc rà soát văn bản quy phạm pháp luật");
        var registered =
                clerk.multipart("/api/v1/documents/incoming", metadata, FilePart.pdf("cv.pdf", pdf), List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String sha256 = jdbc.sql("select sha256 from document_file where document_id = ?")
                .param(UUID.fromString((String) registered.get("id")))
                .query(String.class)
                .single();
        age(sha256);

        sweep.sweep(A_DAY_AGO);

        assertThat(blobs.exists(sha256)).isTrue();
        try (InputStream in = blobs.open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void aFileACrashLeftWithoutItsRowIsSwept() throws IOException {
        StoredBlob orphan = stored("Tệp của một giao dịch bị ngắt " + UUID.randomUUID());
        age(orphan.sha256());
        jdbc.sql("delete from blob where sha256 = ?").param(orphan.sha256()).update();

        BlobSweep.Swept swept = sweep.sweep(A_DAY_AGO);

        assertThat(swept.files()).isPositive();
        assertThat(fileOf(orphan.sha256())).doesNotExist();
        assertThat(blobs.exists(orphan.sha256())).isFalse();
    }

    @Test
    void aStagingFileACrashLeftIsDropped() throws IOException {
        Path staging = properties.dataDir().resolve("blobs").resolve("incoming");
        Files.createDirectories(staging);
        Path leftover = Files.createTempFile(staging, "blob-", ".part");
        Files.writeString(leftover, "một nửa tệp");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        sweep.sweep(A_DAY_AGO);

        assertThat(leftover).doesNotExist();
    }

    @Test
    void aTransactionKeepingAnOldContentAgainHoldsItAgainstTheSweepUntilItEnds() throws Exception {
        byte[] content = ("Phụ lục gửi lại " + UUID.randomUUID()).getBytes(UTF_8);
        StoredBlob old = blobs.store(new ByteArrayInputStream(content));
        age(old.sha256());
        CountDownLatch keptAgain = new CountDownLatch(1);
        CountDownLatch swept = new CountDownLatch(1);
        CompletableFuture<Void> request =
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    blobs.store(new ByteArrayInputStream(content));
                    keptAgain.countDown();
                    await(swept);
                    // A row naming it would commit here; this request is refused instead.
                    status.setRollbackOnly();
                }));
        assertThat(keptAgain.await(30, TimeUnit.SECONDS)).isTrue();

        sweep.sweep(A_DAY_AGO);
        swept.countDown();
        request.get(30, TimeUnit.SECONDS);

        assertThat(blobs.exists(old.sha256())).as("kept while the request ran").isTrue();
        sweep.sweep(A_DAY_AGO);
        assertThat(blobs.exists(old.sha256())).as("taken by the next sweep").isFalse();
    }

    @Test
    void everyDigestColumnIsABlobAddressSomeModuleHoldsOrIsKnownNotToBeOne() {
        Set<String> digestColumns =
                new TreeSet<>(jdbc.sql("""
                        select c.table_name || '.' || c.column_name from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and c.data_type = 'character'
                          and c.character_maximum_length = 64
                          -- the views modules publish show the columns of tables; they keep nothing
                          and t.table_type = 'BASE TABLE'""").query(String.class).list());
        Set<String> held =
                holders.stream().flatMap(h -> h.blobColumns().stream()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(held).as("every declared column exists").isSubsetOf(digestColumns);
        assertThat(NOT_CONTENTS.keySet()).as("every exception exists").isSubsetOf(digestColumns);
        Set<String> undeclared = new TreeSet<>(digestColumns);
        undeclared.removeAll(held);
        undeclared.removeAll(NOT_CONTENTS.keySet());
        assertThat(undeclared)
                .as("a new column naming blobs needs a BlobHolder in its module, or the sweep deletes its contents")
                .isEmpty();
    }

    private StoredBlob stored(String text) {
        return blobs.store(new ByteArrayInputStream(text.getBytes(UTF_8)));
    }

    private void age(String sha256) throws IOException {
        jdbc.sql("update blob set created_at = now() - interval '3 days' where sha256 = ?")
                .param(sha256)
                .update();
        Files.setLastModifiedTime(fileOf(sha256), FileTime.from(Instant.now().minus(Duration.ofDays(3))));
    }

    private Path fileOf(String sha256) {
        return properties
                .dataDir()
                .resolve("blobs")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
