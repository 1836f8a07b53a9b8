package vn.congvan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import vn.congvan.AcrossProcesses;
import vn.congvan.FreePort;
import vn.congvan.S3Proxy;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.shared.DomainException;

/**
 * The object store over real HTTP against S3Proxy, with AWS signatures: a content is kept once under
 * its address, in parts past the threshold, read whole or from an offset, listed for the sweep, and
 * an unknown address is refused like on the file system; an installation's files on disk are
 * migrated into it.
 */
@AcrossProcesses
class S3BlobStoreTests {

    static S3Proxy server;
    static S3Client client;

    String bucket = "congvan-" + UUID.randomUUID();
    S3BlobStore store;

    @BeforeEach
    void aStoreOfItsOwnBucket() {
        store = new S3BlobStore(
                BlobStoreConfiguration.client(settings(bucket)),
                settings(bucket),
                Path.of("target", "s3-staging", bucket).toAbsolutePath());
        store.ensureBucket();
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

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

    @Test
    void aContentIsKeptOnceUnderItsAddressAndReadWholeOrFromAnOffset() throws Exception {
        byte[] content = randomBytes(300_000);
        Sha256 address = addressOf(content);

        store.keep(address, staged(content));
        Path again = staged(content);
        store.keep(address, again);

        assertThat(again).doesNotExist();
        try (InputStream in = store.open(address)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = store.openAt(address, 123_456)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 123_456, content.length));
        }
        assertThat(store.keptBefore(Instant.now().plusSeconds(60)).toList())
                .containsExactly(new BlobStore.KeptContent(address, content.length));
        assertThat(store.keptBefore(Instant.now().minusSeconds(3600)).toList()).isEmpty();
    }

    @Test
    void aContentPastTheThresholdIsSentInPartsAndAppearsWhole() throws Exception {
        byte[] content = randomBytes(12 * 1024 * 1024 + 7);
        Sha256 address = addressOf(content);

        store.keep(address, staged(content));

        List<String> inProgress = client.listMultipartUploads(l -> l.bucket(bucket)).uploads().stream()
                .map(u -> u.key())
                .toList();
        assertThat(inProgress).isEmpty();
        byte[] local = store.withLocalFile(address, Files::readAllBytes);
        assertThat(local).isEqualTo(content);
        assertThat(client.headObject(h -> h.bucket(bucket).key("blobs/" + address.hex()))
                        .contentLength())
                .isEqualTo(content.length);
    }

    @Test
    void anUnknownOrDeletedContentIsRefusedAsNotFound() throws Exception {
        byte[] content = randomBytes(1000);
        Sha256 address = addressOf(content);
        assertThatThrownBy(() -> store.open(address))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("storage.blob.not-found"));

        store.keep(address, staged(content));
        store.delete(address);

        assertThatThrownBy(() -> store.openAt(address, 10))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("storage.blob.not-found"));
        assertThat(store.keptBefore(Instant.now().plusSeconds(60)).toList()).isEmpty();
    }

    @Test
    void aStoreThatCannotBeReachedIsRefusedAsUnavailableAndTheStagedFileStaysForAnotherTry() throws Exception {
        // A port nothing listens on.
        S3Properties unreachable = settings(URI.create("http://127.0.0.1:" + FreePort.onLoopback()), bucket);
        byte[] content = randomBytes(2000);
        try (S3BlobStore down = new S3BlobStore(
                BlobStoreConfiguration.client(unreachable),
                unreachable,
                Path.of("target", "s3-staging", bucket).toAbsolutePath())) {
            Path staged = down.newStagingFile();
            Files.write(staged, content);

            assertThatThrownBy(() -> down.keep(addressOf(content), staged))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("storage.unavailable");
                        assertThat(e.status().value()).isEqualTo(503);
                    });
            assertThat(staged).exists().hasBinaryContent(content);
            assertThatThrownBy(() -> down.open(addressOf(content)))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("storage.unavailable"));
        }
    }

    private static S3Properties settings(String bucket) {
        return settings(URI.create(server.endpoint().toString()), bucket);
    }

    static S3Properties settings(URI endpoint, String bucket) {
        return new S3Properties(
                endpoint,
                bucket,
                "us-east-1",
                S3Proxy.ACCESS_KEY,
                S3Proxy.SECRET_KEY,
                true,
                DataSize.ofMegabytes(5),
                DataSize.ofMegabytes(5));
    }

    /**
     * The bytes of unfinished uploads in the bucket, in pieces: what one node counted, another node
     * (a store of its own, with its own local staging) continues; a complete upload becomes its
     * content inside the bucket and leaves no piece behind.
     */
    @Nested
    class PendingUploadsInTheBucket {

        static final int MIB = 1024 * 1024;

        S3BlobStore otherNode;

        @BeforeEach
        void aSecondNodeOnTheSameBucket() {
            otherNode = new S3BlobStore(
                    BlobStoreConfiguration.client(settings(bucket)),
                    settings(bucket),
                    Path.of("target", "s3-staging", bucket + "-other").toAbsolutePath());
        }

        @AfterEach
        void closeTheSecondNode() {
            otherNode.close();
        }

        @Test
        void anUploadCountedOnOneNodeIsFinishedOnAnotherAndKeptWholeWithoutItsPieces() throws Exception {
            byte[] content = randomBytes(12 * MIB + 11);
            PendingUploads.PendingUpload upload = upload(content.length);
            int cut = 7 * MIB + 5;

            Counted first = append(store.pendingUploads(), upload, 0, content, cut);
            assertThat(first.reached()).isEqualTo(cut);
            Counted second = append(otherNode.pendingUploads(), first.upload(), cut, content, content.length);
            assertThat(second.reached()).isEqualTo(content.length);
            readAndKeptWhole(otherNode.pendingUploads(), second.upload(), content);
            assertThat(keys("uploads/")).isEmpty();
            assertThat(client.listMultipartUploads(l -> l.bucket(bucket)).uploads())
                    .isEmpty();
        }

        @Test
        void bytesPutPastTheCountedOffsetAreOverwrittenWhenTheUploadContinuesThere() throws Exception {
            byte[] content = randomBytes(8 * MIB);
            PendingUploads.PendingUpload upload = upload(content.length);
            // A request put 6 MiB but only 5.5 MiB were counted before its node died; its last piece
            // held other bytes than the file's.
            byte[] other = flipped(content, 5 * MIB, 6 * MIB);
            Counted first = append(store.pendingUploads(), upload, 0, other, 6 * MIB);
            int counted = 5 * MIB + MIB / 2;

            Counted second = append(otherNode.pendingUploads(), first.upload(), counted, content, content.length);

            try (InputStream in = store.pendingUploads().read(second.upload())) {
                byte[] held = in.readAllBytes();
                assertThat(Arrays.copyOfRange(held, counted, held.length))
                        .isEqualTo(Arrays.copyOfRange(content, counted, content.length));
                assertThat(Arrays.copyOfRange(held, 0, 5 * MIB)).isEqualTo(Arrays.copyOfRange(content, 0, 5 * MIB));
            }
        }

        @Test
        void aRequestWhoseHoldAnotherRequestTookPutsOnlyPiecesThatAreNeverReadOrKept() throws Exception {
            byte[] content = randomBytes(12 * MIB);
            PendingUploads.PendingUpload upload = upload(content.length);
            UUID stalled = UUID.randomUUID();
            PendingUploads.PendingUpload byStalled = continuedBy(upload, 0, stalled);
            try (PendingUploads.Appending first = store.pendingUploads().appendAt(upload, 0, stalled)) {
                write(first, content, 0, 5 * MIB + 1);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (first.checkpoint() < 5 * MIB && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(first.checkpoint()).isEqualTo(5 * MIB);

                // Its client falls silent, its hold runs out, and a request on the other node takes
                // the upload over from the counted 5 MiB and finishes it.
                Counted finished = append(otherNode.pendingUploads(), byStalled, 5 * MIB, content, content.length);
                assertThat(finished.reached()).isEqualTo(content.length);

                // Then the first request's client speaks again, with other bytes, to the end.
                byte[] other = flipped(content, 5 * MIB, content.length);
                write(first, other, 5 * MIB + 1, other.length);
                assertThat(first.finish()).isEqualTo(content.length);

                readAndKeptWhole(store.pendingUploads(), finished.upload(), content);
            }
            assertThat(keys("uploads/" + upload.id() + "/")).isEmpty();
        }

        @Test
        void aRequestCountsEachWholePieceOnceItIsPutAndItsLastPieceWhenItEnds() throws Exception {
            byte[] content = randomBytes(11 * MIB);
            PendingUploads.PendingUpload upload = upload(content.length);
            UUID writer = UUID.randomUUID();
            try (PendingUploads.Appending out = store.pendingUploads().appendAt(upload, 0, writer)) {
                out.write(content, 0, 4 * MIB);
                assertThat(out.checkpoint()).isZero();
                out.write(content, 4 * MIB, 3 * MIB);
                // The full piece is put beside the request, which goes on gathering the next one; it
                // counts once its put is done.
                assertThat(out.checkpoint()).isIn(0L, 5L * MIB);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (out.checkpoint() < 5 * MIB && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(out.checkpoint()).isEqualTo(5 * MIB);
                assertThat(keys("uploads/" + upload.id() + "/"))
                        .containsExactly("uploads/" + upload.id() + "/0." + writer);
                assertThat(out.finish()).isEqualTo(7 * MIB);
            }
            assertThat(keys("uploads/" + upload.id() + "/")).hasSize(2);
        }

        @Test
        void anUploadOfOnePieceIsKeptByOneCopyAndADroppedUploadLeavesNothing() throws Exception {
            byte[] small = randomBytes(3000);
            PendingUploads.PendingUpload one = upload(small.length);
            Counted kept = append(store.pendingUploads(), one, 0, small, small.length);
            store.pendingUploads().keep(kept.upload(), addressOf(small));
            try (InputStream in = store.open(addressOf(small))) {
                assertThat(in.readAllBytes()).isEqualTo(small);
            }

            PendingUploads.PendingUpload dropped = upload(20 * MIB);
            append(store.pendingUploads(), dropped, 0, randomBytes(11 * MIB), 11 * MIB);
            store.pendingUploads().drop(dropped.id());

            assertThat(keys("uploads/")).isEmpty();
        }

        @Test
        void anUploadIsUntouchedSinceAnInstantOnlyWhenItsNewestPieceIsOlder() throws Exception {
            PendingUploads.PendingUpload upload = upload(20 * MIB);
            append(store.pendingUploads(), upload, 0, randomBytes(6 * MIB), 6 * MIB);

            assertThat(store.pendingUploads().untouchedSince(Instant.now().plusSeconds(60), 100))
                    .contains(upload.id());
            assertThat(store.pendingUploads().untouchedSince(Instant.now().minusSeconds(3600), 100))
                    .doesNotContain(upload.id());
        }

        @Test
        void piecesGrowWithTheFileSoThatAFiftyGigabyteFileTakesAtMostTenThousand() {
            PendingUploads pending = store.pendingUploads();
            assertThat(pending.pieceSize(1000)).isEqualTo(5 * MIB);
            long fifty = 50L * 1000 * 1000 * 1000;
            assertThat((fifty + pending.pieceSize(fifty) - 1) / pending.pieceSize(fifty))
                    .isLessThanOrEqualTo(10_000);
        }

        private PendingUploads.PendingUpload upload(long length) {
            return new PendingUploads.PendingUpload(
                    UUID.randomUUID(),
                    length,
                    store.pendingUploads().pieceSize(length),
                    PendingUploads.PieceWriters.NONE);
        }

        /** The upload's pieces read back as the content, then kept as the content under its address. */
        private void readAndKeptWhole(PendingUploads node, PendingUploads.PendingUpload upload, byte[] content)
                throws Exception {
            try (InputStream in = node.read(upload)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            Sha256 address = addressOf(content);
            node.keep(upload, address);
            try (InputStream in = store.open(address)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }

        /** The content with its bytes from {@code from} to {@code to} inverted. */
        private static byte[] flipped(byte[] content, int from, int to) {
            byte[] other = content.clone();
            for (int i = from; i < to; i++) {
                other[i] = (byte) ~other[i];
            }
            return other;
        }

        /** An upload as a request left it: its pieces' writers, and the offset the request reached. */
        record Counted(PendingUploads.PendingUpload upload, long reached) {}

        /**
         * Appends the content's bytes from {@code from} to {@code to} in one request of its own, as the
         * uploads service does: the request writes under its name from the piece it starts in.
         */
        private Counted append(
                PendingUploads node, PendingUploads.PendingUpload upload, int from, byte[] content, int to)
                throws IOException {
            UUID writer = UUID.randomUUID();
            PendingUploads.PendingUpload continued = continuedBy(upload, from, writer);
            try (PendingUploads.Appending out = node.appendAt(upload, from, writer)) {
                write(out, content, from, to);
                return new Counted(continued, out.finish());
            }
        }

        private static PendingUploads.PendingUpload continuedBy(
                PendingUploads.PendingUpload upload, long from, UUID writer) {
            return new PendingUploads.PendingUpload(
                    upload.id(),
                    upload.length(),
                    upload.pieceSize(),
                    upload.writers().from(from / upload.pieceSize(), writer));
        }

        private static void write(PendingUploads.Appending out, byte[] content, int from, int to) throws IOException {
            for (int at = from; at < to; at += 64 * 1024) {
                out.write(content, at, Math.min(64 * 1024, to - at));
            }
        }

        private List<String> keys(String prefix) {
            return client.listObjectsV2(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(o -> o.key())
                    // S3Proxy's file-system backend lists folders too.
                    .filter(key -> !key.endsWith("/"))
                    .toList();
        }
    }

    /**
     * {@code congvan.storage.migrate}: an installation's files on disk are copied into the bucket and
     * each is read back before it counts; a file damaged on disk is named and not copied, a damaged
     * copy in the bucket is sent again.
     */
    @Nested
    class MigrationFromDisk {

        final String migrationBucket = "congvan-" + UUID.randomUUID();
        final Path dataDir = Path.of(
                        "target", "storage-migration", UUID.randomUUID().toString())
                .toAbsolutePath();
        FileSystemBlobStore disk;
        S3BlobStore s3;

        @BeforeEach
        void anInstallationOnDiskAndAnEmptyBucket() {
            disk = new FileSystemBlobStore(new CongVanProperties(
                    dataDir,
                    new CongVanProperties.Db("jdbc:postgresql://db/congvan", null, null),
                    new CongVanProperties.Demo(false, null, null),
                    new CongVanProperties.Api(Duration.ofHours(8))));
            s3 = new S3BlobStore(
                    BlobStoreConfiguration.client(settings(migrationBucket)),
                    settings(migrationBucket),
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
            assertThat(first.line("the bucket " + migrationBucket))
                    .isEqualTo("Storage migration complete: 3 files (6331460 bytes) in the bucket " + migrationBucket
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
            assertThat(result.line("the bucket " + migrationBucket))
                    .startsWith("Storage migration INCOMPLETE: 1 of 2 files are not in the bucket " + migrationBucket)
                    .contains(damaged.hex() + " (its bytes on disk no longer match its address)");
            assertThat(objects()).containsExactly("blobs/" + intact.hex());
        }

        @Test
        void aDamagedCopyInTheBucketIsSentAgainAndThenReadsBackWhole() throws Exception {
            byte[] content = randomBytes(70_000);
            Sha256 address = keptOnDisk(content);
            // A copy of the same size but other bytes, as a broken earlier attempt could leave.
            client.putObject(
                    p -> p.bucket(migrationBucket).key("blobs/" + address.hex()),
                    RequestBody.fromBytes(randomBytes(70_000)));

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
            return client.listObjectsV2(l -> l.bucket(migrationBucket)).contents().stream()
                    .map(o -> o.key())
                    // S3Proxy's file-system backend lists the folder itself too.
                    .filter(key -> !key.endsWith("/"))
                    .toList();
        }
    }

    private Path staged(byte[] content) throws Exception {
        Path file = store.newStagingFile();
        Files.write(file, content);
        return file;
    }

    private static Sha256 addressOf(byte[] content) throws Exception {
        return new Sha256(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random().nextBytes(bytes);
        return bytes;
    }
}
