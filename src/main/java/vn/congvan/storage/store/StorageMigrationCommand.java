package vn.congvan.storage.store;

import java.io.IOException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import vn.congvan.platform.CongVanProperties;

/**
 * {@code congvan.storage.migrate=true}: copies the installation's files from its data directory to
 * the bucket it is configured with ({@code congvan.storage.s3.*}), verifies each by reading it back,
 * prints one line and ends the process: status 0 when every file is in the bucket and verified, 3
 * when one is not (named in the line), 1 when it could not run (no bucket configured, the store
 * unreachable). The files on disk stay where they are.
 */
@Component
@ConditionalOnBooleanProperty(StorageMigrationEnvironment.PROPERTY)
class StorageMigrationCommand implements ApplicationRunner {

    static final int INCOMPLETE = 3;

    private final BlobStore bucket;
    private final S3Properties s3;
    private final CongVanProperties properties;
    private final ConfigurableApplicationContext context;

    StorageMigrationCommand(
            BlobStore bucket, S3Properties s3, CongVanProperties properties, ConfigurableApplicationContext context) {
        this.bucket = bucket;
        this.s3 = s3;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!s3.used()) {
            throw new IllegalStateException(
                    "congvan.storage.migrate copies the files to S3: configure congvan.storage.s3.bucket first");
        }
        StorageMigration.Result result = StorageMigration.copy(new FileSystemBlobStore(properties), bucket);
        System.out.println(result.line("the bucket " + s3.bucket()));
        int status = result.complete() ? 0 : INCOMPLETE;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
