package vn.congvan.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.CongVanTest;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.shared.DomainException;

@CongVanTest
class BlobsTests {

    @Autowired
    Blobs blobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CongVanProperties properties;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aContentStoredByATransactionThatRollsBackIsGoneWithIt() {
        byte[] content = ("Tờ trình bị từ chối " + UUID.randomUUID()).getBytes(UTF_8);
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);

        String sha256 = transaction.execute(status -> {
            StoredBlob blob = blobs.store(new ByteArrayInputStream(content));
            Boolean readable = blobs.withLocalFile(blob.sha256(), file -> Files.exists(file));
            assertThat(readable).as("readable inside its transaction").isTrue();
            status.setRollbackOnly();
            return blob.sha256();
        });

        assertThat(filesNamed(sha256)).isEmpty();
        assertThat(rowsOf(sha256)).isZero();
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void aContentKeptBeforeSurvivesATransactionThatStoredItAgainAndRolledBack() throws IOException {
        byte[] content = ("Quyết định đã vào sổ " + UUID.randomUUID()).getBytes(UTF_8);
        StoredBlob kept = blobs.store(new ByteArrayInputStream(content));
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            blobs.store(new ByteArrayInputStream(content));
            status.setRollbackOnly();
        });

        assertThat(rowsOf(kept.sha256())).isEqualTo(1);
        try (InputStream in = blobs.open(kept.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aContentStoredByACommittedTransactionStays() throws IOException {
        byte[] content = ("Công văn đã nhận " + UUID.randomUUID()).getBytes(UTF_8);
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);

        String sha256 = transaction.execute(
                status -> blobs.store(new ByteArrayInputStream(content)).sha256());

        assertThat(rowsOf(sha256)).isEqualTo(1);
        assertThat(filesNamed(sha256)).hasSize(1);
    }

    @Test
    void theSameContentSharedByARollbackAndACommitInTwoTransactionsIsKept() throws Exception {
        byte[] content = ("Phụ lục dùng chung " + UUID.randomUUID()).getBytes(UTF_8);
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        var firstStored = new java.util.concurrent.CountDownLatch(1);
        var secondStarted = new java.util.concurrent.CountDownLatch(1);

        // The first stores the content and rolls back while the second, waiting on the first's row,
        // stores it again and commits: the first's clean-up must leave the second's content in place.
        var first = java.util.concurrent.CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            blobs.store(new ByteArrayInputStream(content));
            firstStored.countDown();
            await(secondStarted);
            sleep(500);
            status.setRollbackOnly();
        }));
        await(firstStored);
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            secondStarted.countDown();
            return blobs.store(new ByteArrayInputStream(content)).sha256();
        }));
        first.get(30, java.util.concurrent.TimeUnit.SECONDS);
        String sha256 = second.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(rowsOf(sha256)).isEqualTo(1);
        try (InputStream in = blobs.open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameContentStoredTwiceIsKeptAsOneFileAndOneRow() throws IOException {
        byte[] content = ("Quyết định số 15/QĐ-UBND " + UUID.randomUUID()).getBytes(UTF_8);

        StoredBlob first = blobs.store(new ByteArrayInputStream(content));
        StoredBlob second = blobs.store(new ByteArrayInputStream(content));

        assertThat(second).isEqualTo(first);
        assertThat(rowsOf(first.sha256())).isEqualTo(1);
        assertThat(filesNamed(first.sha256()))
                .singleElement()
                .isEqualTo(blobsDir()
                        .resolve(first.sha256().substring(0, 2))
                        .resolve(first.sha256().substring(2, 4))
                        .resolve(first.sha256()));
        assertThat(Files.readAllBytes(filesNamed(first.sha256()).get(0))).isEqualTo(content);
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void theAddressIsTheSha256OfTheContentAndTheContentReadsBack() throws Exception {
        byte[] content = ("Công văn " + UUID.randomUUID()).repeat(5_000).getBytes(UTF_8);

        StoredBlob blob = blobs.store(new ByteArrayInputStream(content));

        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(blob.sha256()).isEqualTo(expected);
        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(blobs.size(expected)).isEqualTo(content.length);
        assertThat(blobs.exists(expected)).isTrue();
        try (InputStream in = blobs.open(expected)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aContentOfThreeHundredMegabytesIsStoredWithTheHeapOfTheTestJvm() throws IOException {
        long size = 300L * 1024 * 1024;
        GeneratedContent content = new GeneratedContent(size);

        StoredBlob blob = blobs.store(content);

        assertThat(blob.size()).isEqualTo(size);
        assertThat(blob.sha256()).isEqualTo(content.sha256());
        Path kept = filesNamed(blob.sha256()).get(0);
        assertThat(Files.size(kept)).isEqualTo(size);
        Files.delete(kept);
        jdbc.sql("delete from blob where sha256 = ?").param(blob.sha256()).update();
    }

    @Test
    void anEmptyContentIsRefused() {
        assertThatThrownBy(() -> blobs.store(InputStream.nullInputStream()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("storage.empty");
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                });
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void aContentLongerThanTheLimitIsRefusedAfterReadingOneByteTooManyAndLeavesNoFile() throws Exception {
        byte[] content = ("Hồ sơ dự án " + UUID.randomUUID()).repeat(40_000).getBytes(UTF_8);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        long limit = 100_000;
        CountingStream counted = new CountingStream(new ByteArrayInputStream(content));

        assertThatThrownBy(() -> blobs.store(counted, limit)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("storage.too-large");
            assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        });

        assertThat(counted.read).isEqualTo(limit + 1);
        assertThat(stagingFiles()).isEmpty();
        assertThat(filesNamed(sha256)).isEmpty();
        assertThat(blobs.exists(sha256)).isFalse();
    }

    @Test
    void aContentOfExactlyTheLimitIsStored() {
        byte[] content = UUID.randomUUID().toString().getBytes(UTF_8);

        StoredBlob blob = blobs.store(new ByteArrayInputStream(content), content.length);

        assertThat(blob.size()).isEqualTo(content.length);
    }

    @Test
    void anAddressThatIsNotAHexDigestIsRefusedBeforeAnyPathIsMadeOfIt() {
        String known = blobs.store(
                        new ByteArrayInputStream(UUID.randomUUID().toString().getBytes(UTF_8)))
                .sha256();
        List<String> tricks = List.of(
                "../../etc/passwd",
                "../../" + known.substring(6),
                known.toUpperCase(),
                known + "\n",
                known.substring(1),
                known.substring(0, 2) + "/" + known.substring(3),
                "");
        for (String trick : tricks) {
            assertRefusedAsInvalid(() -> blobs.open(trick));
            assertRefusedAsInvalid(() -> blobs.size(trick));
            assertRefusedAsInvalid(() -> blobs.exists(trick));
            assertRefusedAsInvalid(() -> blobs.withLocalFile(trick, Files::size));
        }
    }

    @Test
    void anUnknownContentIsNotFound() {
        String unknown = HexFormat.of().formatHex(new byte[32]).replace('0', 'e');

        assertThat(blobs.exists(unknown)).isFalse();
        assertRefusedAsNotFound(() -> blobs.open(unknown));
        assertRefusedAsNotFound(() -> blobs.size(unknown));
        assertRefusedAsNotFound(() -> blobs.withLocalFile(unknown, Files::size));
    }

    @Test
    void aLocalFileGivesRandomAccessToTheContent() {
        byte[] content = ("%PDF-1.7 " + UUID.randomUUID() + " %%EOF").getBytes(UTF_8);
        StoredBlob blob = blobs.store(new ByteArrayInputStream(content));

        String tail = blobs.withLocalFile(blob.sha256(), file -> {
            try (FileChannel channel = FileChannel.open(file)) {
                ByteBuffer last = ByteBuffer.allocate(5);
                channel.read(last, channel.size() - 5);
                return new String(last.array(), UTF_8);
            }
        });

        assertThat(tail).isEqualTo("%%EOF");
    }

    private static void assertRefusedAsInvalid(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("storage.blob.invalid-address"));
    }

    private static void assertRefusedAsNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("storage.blob.not-found");
            assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
        });
    }

    private long rowsOf(String sha256) {
        return jdbc.sql("select count(*) from blob where sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single();
    }

    private Path blobsDir() {
        return properties.dataDir().resolve("blobs").toAbsolutePath().normalize();
    }

    private List<Path> filesNamed(String name) {
        return walk(blobsDir())
                .filter(p -> p.getFileName().toString().equals(name))
                .toList();
    }

    private List<Path> stagingFiles() {
        Path staging = blobsDir().resolve("incoming");
        return Files.isDirectory(staging)
                ? walk(staging).filter(Files::isRegularFile).toList()
                : List.of();
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pseudo-random bytes made on the fly, with their SHA-256 computed as they are handed out. */
    private static final class GeneratedContent extends InputStream {

        private final long size;
        private final MessageDigest digest;
        private long produced;
        private long state = System.nanoTime() | 1;

        GeneratedContent(long size) {
            this.size = size;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (produced == size) {
                return -1;
            }
            int count = (int) Math.min(length, size - produced);
            for (int i = 0; i < count; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                buffer[offset + i] = (byte) state;
            }
            digest.update(buffer, offset, count);
            produced += count;
            return count;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Counts the bytes taken from a stream. */
    private static final class CountingStream extends InputStream {

        private final InputStream in;
        long read;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
