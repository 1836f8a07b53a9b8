package vn.congvan.registry.document;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file handed in with a registration, read once as a stream; {@code sha256} names it when it is
 * already kept (a finished upload), so that it is used where it lies rather than copied.
 */
public record UploadedFile(
        @Nullable String originalName,
        @Nullable String contentType,
        long size,
        Source source,
        @Nullable String sha256) {

    /** Opens the content. */
    public interface Source {
        InputStream open() throws IOException;
    }

    public UploadedFile(@Nullable String originalName, @Nullable String contentType, long size, Source source) {
        this(originalName, contentType, size, source, null);
    }

    public static UploadedFile of(MultipartFile file) {
        return new UploadedFile(
                file.getOriginalFilename(), file.getContentType(), file.getSize(), file::getInputStream);
    }
}
