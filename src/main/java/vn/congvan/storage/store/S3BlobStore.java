package vn.congvan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.LocalFileReader;

/**
 * Keeps contents in a bucket of S3-compatible object storage under {@code blobs/<sha256>}. A
 * content is staged on the local disk while its digest is computed (as on the file system), then
 * sent in one request, or in parts past the multipart threshold, each part read from the staged
 * file (the heap holds one buffer, whatever the size). The object appears only when the last part
 * is in, and is kept only once its size matches the staged file's.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    private static final String PREFIX = "blobs/";
    private static final Pattern KEY = Pattern.compile("^blobs/[0-9a-f]{64}$");
    private static final int MAX_PARTS = 10_000;

    private final S3Client s3;
    private final String bucket;
    private final StagingDirectory staging;
    private final long multipartThreshold;
    private final long partSize;
    private final S3PendingUploads pendingUploads;

    S3BlobStore(S3Client s3, S3Properties settings, Path stagingDirectory) {
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.staging = new StagingDirectory(stagingDirectory);
        this.multipartThreshold = settings.multipartThreshold().toBytes();
        this.partSize = Math.max(5L * 1024 * 1024, settings.partSize().toBytes());
        this.pendingUploads = new S3PendingUploads(s3, bucket, staging, partSize);
    }

    /** Makes the bucket when it does not exist yet (a new installation, a test's server). */
    void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
            log.info("Created the bucket {} for the installation's files", bucket);
        }
    }

    @Override
    public void close() {
        pendingUploads.close();
        s3.close();
    }

    @Override
    public PendingUploads pendingUploads() {
        return pendingUploads;
    }

    @Override
    public Path newStagingFile() throws IOException {
        return staging.newFile();
    }

    @Override
    public void keep(Sha256 address, Path staged) throws IOException {
        long size = Files.size(staged);
        try {
            if (sizeOf(address) != size) {
                if (size < multipartThreshold) {
                    s3.putObject(
                            p -> p.bucket(bucket).key(key(address)).contentLength(size), RequestBody.fromFile(staged));
                } else {
                    sendInParts(key(address), staged, size);
                }
                long kept = sizeOf(address);
                if (kept != size) {
                    throw new IOException("The object " + key(address) + " holds " + kept + " bytes, not " + size);
                }
            }
        } catch (SdkException e) {
            // The staged file stays: whoever brought it may try again once the store is back.
            throw unavailable(e);
        }
        Files.deleteIfExists(staged);
    }

    /** The object store could not be reached or refused to work: 503, the request may be tried again. */
    static DomainException unavailable(SdkException e) {
        log.warn("The object store failed: {}", e.toString());
        return new DomainException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "storage.unavailable");
    }

    private void sendInParts(String key, Path staged, long size) throws IOException {
        long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        MultipartObject.write(s3, bucket, key, (size + part - 1) / part, (uploadId, number) -> {
            long from = (number - 1) * part;
            long length = Math.min(part, size - from);
            return s3.uploadPart(
                            u -> u.bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(number)
                                    .contentLength(length),
                            RequestBody.fromContentProvider(
                                    () -> slice(staged, from, length), length, "application/octet-stream"))
                    .eTag();
        });
    }

    /** The bytes {@code from} to {@code from + length} of the staged file, read as the part is sent. */
    private static InputStream slice(Path staged, long from, long length) {
        try {
            FileChannel channel = FileChannel.open(staged, StandardOpenOption.READ);
            channel.position(from);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(Sha256 address) throws IOException {
        return openAt(address, 0);
    }

    @Override
    public InputStream openAt(Sha256 address, long offset) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(g -> {
                g.bucket(bucket).key(key(address));
                if (offset > 0) {
                    g.range("bytes=" + offset + "-");
                }
            });
            return in;
        } catch (S3Exception e) {
            throw missingOr(address, e);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void delete(Sha256 address) throws IOException {
        s3.deleteObject(d -> d.bucket(bucket).key(key(address)));
    }

    @Override
    public <T> T withLocalFile(Sha256 address, LocalFileReader<T> reader) throws IOException {
        Path copy = staging.newFile();
        try {
            try (InputStream in = open(address)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return reader.read(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Override
    public Stream<KeptContent> keptBefore(Instant instant) {
        return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(PREFIX)).contents().stream()
                .filter(object -> KEY.matcher(object.key()).matches())
                .filter(object -> object.lastModified().isBefore(instant))
                .map(S3BlobStore::kept);
    }

    @Override
    public int dropStagingBefore(Instant instant) throws IOException {
        return staging.dropBefore(instant);
    }

    private static KeptContent kept(S3Object object) {
        return new KeptContent(new Sha256(object.key().substring(PREFIX.length())), object.size());
    }

    /** The size of the object kept under the address, -1 when there is none. */
    private long sizeOf(Sha256 address) {
        try {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(key(address)));
            return head.contentLength();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return -1;
            }
            throw e;
        }
    }

    private static RuntimeException missingOr(Sha256 address, S3Exception e) {
        if (e.statusCode() == 404) {
            return DomainException.notFound("storage.blob.not-found", address.hex());
        }
        return unavailable(e);
    }

    static String key(Sha256 address) {
        return PREFIX + address.hex();
    }
}
