package vn.congvan.storage.store;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import vn.congvan.platform.CongVanProperties;

/** Where the installation's files live: a bucket when {@code congvan.storage.s3.bucket} is set, the data directory otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Properties.class)
class BlobStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BlobStoreConfiguration.class);

    @Bean
    BlobStore blobStore(CongVanProperties properties, S3Properties s3) {
        if (!s3.used()) {
            return new FileSystemBlobStore(properties);
        }
        S3BlobStore store = new S3BlobStore(
                client(s3),
                s3,
                properties
                        .dataDir()
                        .resolve("blobs")
                        .resolve("incoming")
                        .toAbsolutePath()
                        .normalize());
        store.ensureBucket();
        log.info(
                "Files are kept in the bucket {} of {}",
                s3.bucket(),
                s3.endpoint() == null ? "Amazon S3" : s3.endpoint());
        return store;
    }

    @Bean
    PendingUploads pendingUploads(BlobStore blobStore) {
        return blobStore.pendingUploads();
    }

    static S3Client client(S3Properties s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // Checksums only where S3 asks for them: not every compatible server knows the newer ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .maxConnections(64));
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        builder.credentialsProvider(
                s3.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        return builder.build();
    }
}
