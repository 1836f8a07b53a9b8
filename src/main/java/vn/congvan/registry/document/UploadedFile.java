package vn.congvan.registry.document;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A file handed in with a registration, read once as a stream. */
public record UploadedFile(
        @Nullable String originalName, @Nullable String contentType, long size, Source source) {

    /** Opens the content. */
    public interface Source {
        InputStream open() throws IOException;
    }

    public static UploadedFile of(MultipartFile file) {
        return new UploadedFile(
                file.getOriginalFilename(), file.getContentType(), file.getSize(), file::getInputStream);
    }
}
