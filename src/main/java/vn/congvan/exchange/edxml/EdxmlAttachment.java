package vn.congvan.exchange.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.congvan.storage.SafeFileName;

/**
 * A file travelling with a package (tệp đính kèm), its content read from {@link #content()} as often
 * as needed; closing it deletes the temporary file a read package keeps it in.
 *
 * @param contentId the id the manifest names it by, without "cid:"
 */
public record EdxmlAttachment(
        String contentId, SafeFileName name, String contentType, String description, Content content)
        implements AutoCloseable {

    /** Where the bytes of an attachment come from. */
    @FunctionalInterface
    public interface Content {

        InputStream open() throws IOException;

        /** Releases what holds the bytes; nothing by default. */
        default void release() throws IOException {}
    }

    /** An attachment whose bytes a read package keeps in a temporary file, deleted on close. */
    public static EdxmlAttachment inTemporaryFile(
            String contentId, SafeFileName name, String contentType, String description, Path file) {
        return new EdxmlAttachment(contentId, name, contentType, description, new Content() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public void release() throws IOException {
                Files.deleteIfExists(file);
            }
        });
    }

    /** Whether the file is a PDF, by its content type or, failing that, its name. */
    public boolean pdf() {
        return contentType.equalsIgnoreCase("application/pdf")
                || name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
    }

    public InputStream open() throws IOException {
        return content.open();
    }

    @Override
    public void close() {
        try {
            content.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
