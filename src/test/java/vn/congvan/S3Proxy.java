package vn.congvan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy's runnable jar (Maven copies it to {@code target/s3proxy/s3proxy.jar}) started as an S3
 * server of its own on loopback, with AWS signatures checked and its objects in a directory of
 * {@code target/}: the object store of the storage tests, as it would be a provider's.
 */
public final class S3Proxy implements AutoCloseable {

    public static final String ACCESS_KEY = "congvan-test";
    public static final String SECRET_KEY = "congvan-test-secret-key";

    private final Process process;
    private final int port;
    private final Path log;

    private S3Proxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server and waits until it takes connections (a minute at most). */
    public static S3Proxy start() {
        try {
            Path home = Files.createDirectories(Path.of("target", "s3proxy", "run-" + UUID.randomUUID()))
                    .toAbsolutePath();
            Path objects = Files.createDirectories(home.resolve("objects"));
            int port = FreePort.onLoopback();
            Path settings = home.resolve("s3proxy.conf");
            Files.writeString(
                    settings,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir=" + objects,
                            ""),
                    StandardCharsets.UTF_8);
            Path log = home.resolve("s3proxy.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.addAll(ChildJvm.options());
            command.addAll(List.of(
                    "-jar",
                    Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath().toString(),
                    "--properties",
                    settings.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            // A test JVM that ends without closing it takes the server with it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            S3Proxy server = new S3Proxy(process, port, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The settings that make CongVan keep its files in {@code bucket} of this server. */
    public Map<String, String> settings(String bucket) {
        return Map.of(
                "congvan.storage.s3.endpoint", endpoint().toString(),
                "congvan.storage.s3.bucket", bucket,
                "congvan.storage.s3.access-key", ACCESS_KEY,
                "congvan.storage.s3.secret-key", SECRET_KEY,
                "congvan.storage.s3.path-style", "true");
    }

    /** The size of the object under {@code key} in {@code bucket}, asked over S3 as any client would. */
    public long sizeOf(String bucket, String key) {
        try (S3Client s3 = client()) {
            return s3.headObject(h -> h.bucket(bucket).key(key)).contentLength();
        }
    }

    /** The keys of the objects under {@code prefix} in {@code bucket} (not the folders the file system lists). */
    public java.util.List<String> keys(String bucket, String prefix) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(o -> o.key())
                    .filter(key -> !key.endsWith("/"))
                    .toList();
        }
    }

    private S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy ended at start:\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("S3Proxy not listening after a minute:\n" + logTail());
    }

    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server and drops its objects. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        FileSystemUtils.deleteRecursively(log.getParent().toFile());
    }
}
