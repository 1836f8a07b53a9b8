package vn.congvan.storage.store;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An object written as the parts of one multipart upload: it appears only when the last part is in,
 * and a failure on the way aborts the upload so that no part is left in the bucket.
 */
final class MultipartObject {

    /** Sends part {@code number} (from 1) of the multipart upload {@code uploadId}; its ETag. */
    interface Part {
        String send(String uploadId, int number);
    }

    private MultipartObject() {}

    static void write(S3Client s3, String bucket, String key, long parts, Part part) {
        String uploadId =
                s3.createMultipartUpload(c -> c.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> completed = new ArrayList<>();
            for (int number = 1; number <= parts; number++) {
                completed.add(CompletedPart.builder()
                        .partNumber(number)
                        .eTag(part.send(uploadId, number))
                        .build());
            }
            s3.completeMultipartUpload(c -> c.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(
                            CompletedMultipartUpload.builder().parts(completed).build()));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }
}
