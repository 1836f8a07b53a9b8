package vn.congvan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;
import vn.congvan.AcrossProcesses;
import vn.congvan.FreePort;
import vn.congvan.S3Proxy;
import vn.congvan.shared.DomainException;

/**
 * The object store over real HTTP against S3Proxy, with AWS signatures: a content is kept once under
 * its address, in parts past the threshold, read whole or from an offset, listed for the sweep, and
 * an unknown address is refused like on the file system.
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
