package vn.congvan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvan.platform.CongVanProperties;

class FileSystemPendingUploadsTests {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void aCheckpointCountsWhatAFlushThatHasEndedCoveredWhileTheNextBytesArriveAndTheEndCountsEveryByte()
            throws Exception {
        FileSystemPendingUploads uploads = uploads();
        byte[] content = randomBytes(4 * MIB);
        PendingUploads.PendingUpload upload = begun(uploads, content.length);
        try (PendingUploads.Appending out = uploads.appendAt(upload, 0, UUID.randomUUID())) {
            out.write(content, 0, 3 * MIB);
            // The flush has only begun: nothing is counted that the disk may not hold yet.
            assertThat(out.checkpoint()).isZero();
            assertThat(countedSoon(out, 3 * MIB)).isEqualTo(3 * MIB);
            out.write(content, 3 * MIB, MIB);
            assertThat(out.finish()).isEqualTo(content.length);
        }
        try (var in = uploads.read(upload)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void bytesForgottenAfterACheckpointAreThoseNotCountedEvenWhenTheirFlushHadBegun() throws Exception {
        FileSystemPendingUploads uploads = uploads();
        byte[] content = randomBytes(3 * MIB);
        PendingUploads.PendingUpload upload = begun(uploads, content.length);
        try (PendingUploads.Appending out = uploads.appendAt(upload, 0, UUID.randomUUID())) {
            out.write(content, 0, 2 * MIB);
            out.checkpoint();
            assertThat(countedSoon(out, 2 * MIB)).isEqualTo(2 * MIB);
            out.write(content, 2 * MIB, MIB);
            assertThat(out.checkpoint()).isEqualTo(2 * MIB);
            out.discard();
        }
        assertThat(Files.size(dataDir.resolve("uploads").resolve(upload.id() + ".part")))
                .isEqualTo(2L * MIB);
        try (PendingUploads.Appending out = uploads.appendAt(upload, 2 * MIB, UUID.randomUUID())) {
            out.write(content, 2 * MIB, MIB);
            assertThat(out.finish()).isEqualTo(content.length);
        }
        try (var in = uploads.read(upload)) {
            assertThat(Arrays.equals(in.readAllBytes(), content)).isTrue();
        }
    }

    private FileSystemPendingUploads uploads() {
        CongVanProperties properties = new CongVanProperties(
                dataDir,
                new CongVanProperties.Db("jdbc:postgresql://db/congvan", null, null),
                new CongVanProperties.Demo(false, null, null),
                new CongVanProperties.Api(Duration.ofHours(8)));
        return (FileSystemPendingUploads) new FileSystemBlobStore(properties).pendingUploads();
    }

    private static PendingUploads.PendingUpload begun(FileSystemPendingUploads uploads, long length) throws Exception {
        PendingUploads.PendingUpload upload = new PendingUploads.PendingUpload(
                UUID.randomUUID(), length, uploads.pieceSize(length), PendingUploads.PieceWriters.NONE);
        uploads.begin(upload.id());
        return upload;
    }

    /** The offset counted once the flush in flight has ended, asked until it reaches {@code expected}. */
    private static long countedSoon(PendingUploads.Appending out, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long counted = out.checkpoint();
        while (counted < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            counted = out.checkpoint();
        }
        return counted;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(20261208L).nextBytes(bytes);
        return bytes;
    }
}
