package vn.congvan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import vn.congvan.AcrossProcesses;
import vn.congvan.S3Proxy;
import vn.congvan.platform.CongVanProperties;

/**
 * {@code congvan.storage.migrate}: an installation's files on disk are copied into a real S3 server
 * (S3Proxy over HTTP) and each is read back before it counts; a file damaged on disk is named and
 * not copied, a damaged copy in the bucket is sent again.
 */
@AcrossProcesses
class StorageMigrationTests {

    static S3Proxy server;
    static S3Client client;

    final String bucket = "congvan-" + UUID.randomUUID();
    final Path dataDir =
            Path.of("target", "storage-migration", UUID.randomUUID().toString()).toAbsolutePath();
    FileSystemBlobStore disk;
    S3BlobStore s3;

    @BeforeAll
    static void anS3Server() {
        server = S3Proxy.start();
        client = BlobStoreConfiguration.client(settings("any"));
    }

    @AfterAll
    static void stopTheServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void anInstallationOnDiskAndAnEmptyBucket() {
        disk = new FileSystemBlobStore(new CongVanProperties(
                dataDir,
                new CongVanProperties.Db("jdbc:postgresql://db/congvan", null, null),
                new CongVanProperties.Demo(false, null),
                new CongVanProperties.Api(Duration.ofHours(8))));
        s3 = new S3BlobStore(
                BlobStoreConfiguration.client(settings(bucket)),
                settings(bucket),
                dataDir.resolve("blobs").resolve("incoming"));
        s3.ensureBucket();
    }

    @AfterEach
    void closeTheBucket() {
        s3.close();
    }

    @Test
    void everyFileOnDiskIsInTheBucketAfterwardsReadBackAndASecondRunFindsThemAll() throws Exception {
        List<byte[]> files = List.of(randomBytes(1), randomBytes(40_000), randomBytes(6 * 1024 * 1024 + 3));
        List<Sha256> addresses = new ArrayList<>();
        for (byte[] file : files) {
            addresses.add(keptOnDisk(file));
        }

        StorageMigration.Result first = StorageMigration.copy(disk, s3);
        StorageMigration.Result second = StorageMigration.copy(disk, s3);

        assertThat(first.complete()).as(first.line("the bucket")).isTrue();
        assertThat(first.contents()).isEqualTo(3);
        assertThat(first.verified()).isEqualTo(3);
        assertThat(first.bytes()).isEqualTo(1 + 40_000 + 6 * 1024 * 1024 + 3);
        assertThat(first.line("the bucket " + bucket))
                .isEqualTo("Storage migration complete: 3 files (6331460 bytes) in the bucket " + bucket
                        + ", 3 verified by reading them back");
        for (int i = 0; i < files.size(); i++) {
            try (InputStream in = s3.open(addresses.get(i))) {
                assertThat(in.readAllBytes()).isEqualTo(files.get(i));
            }
        }
        assertThat(second.verified()).isEqualTo(3);
        assertThat(dataDir.resolve("blobs").resolve("incoming")).isEmptyDirectory();
    }

    @Test
    void aFileDamagedOnDiskIsNamedAndNotCopied() throws Exception {
        Sha256 intact = keptOnDisk(randomBytes(5_000));
        Sha256 damaged = keptOnDisk(randomBytes(5_000));
        Files.write(fileOnDisk(damaged), randomBytes(5_000));

        StorageMigration.Result result = StorageMigration.copy(disk, s3);

        assertThat(result.complete()).isFalse();
        assertThat(result.verified()).isEqualTo(1);
        assertThat(result.line("the bucket " + bucket))
                .startsWith("Storage migration INCOMPLETE: 1 of 2 files are not in the bucket " + bucket)
                .contains(damaged.hex() + " (its bytes on disk no longer match its address)");
        assertThat(objects()).containsExactly("blobs/" + intact.hex());
    }

    @Test
    void aDamagedCopyInTheBucketIsSentAgainAndThenReadsBackWhole() throws Exception {
        byte[] content = randomBytes(70_000);
        Sha256 address = keptOnDisk(content);
        // A copy of the same size but other bytes, as a broken earlier attempt could leave.
        client.putObject(
                p -> p.bucket(bucket).key("blobs/" + address.hex()), RequestBody.fromBytes(randomBytes(70_000)));

        StorageMigration.Result result = StorageMigration.copy(disk, s3);

        assertThat(result.complete()).as(result.line("the bucket")).isTrue();
        try (InputStream in = s3.open(address)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    private Sha256 keptOnDisk(byte[] content) throws Exception {
        Path staged = disk.newStagingFile();
        Files.write(staged, content);
        Sha256 address =
                Sha256.of(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        disk.keep(address, staged);
        return address;
    }

    private Path fileOnDisk(Sha256 address) throws IOException {
        try (Stream<Path> files = Files.find(
                dataDir.resolve("blobs"),
                3,
                (path, attributes) -> path.getFileName().toString().equals(address.hex()))) {
            return files.findFirst().orElseThrow();
        }
    }

    private List<String> objects() {
        return client.listObjectsV2(l -> l.bucket(bucket)).contents().stream()
                .map(o -> o.key())
                // S3Proxy's file-system backend lists the folder itself too.
                .filter(key -> !key.endsWith("/"))
                .toList();
    }

    private static S3Properties settings(String bucket) {
        return S3BlobStoreTests.settings(URI.create(server.endpoint().toString()), bucket);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random().nextBytes(bytes);
        return bytes;
    }
}
