package vn.congvan.storage.store;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * S3-compatible object storage ({@code congvan.storage.s3.*}): used for the installation's files
 * when a bucket is named, the data directory otherwise. {@code endpoint} is empty for Amazon S3
 * itself and names the server of any other (MinIO, Ceph, S3Proxy, a provider's); {@code path-style}
 * puts the bucket in the path rather than the host name, as most of those ask.
 */
@ConfigurationProperties("congvan.storage.s3")
public record S3Properties(
        @Nullable URI endpoint,
        @DefaultValue("") String bucket,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("") String accessKey,
        @DefaultValue("") String secretKey,
        @DefaultValue("false") boolean pathStyle,
        @DefaultValue("64MB") DataSize multipartThreshold,
        @DefaultValue("16MB") DataSize partSize) {

    /** Whether the files live in object storage. */
    public boolean used() {
        return !bucket.isBlank();
    }
}
