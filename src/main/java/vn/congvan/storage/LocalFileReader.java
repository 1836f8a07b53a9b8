package vn.congvan.storage;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a blob's content from a local file, for libraries that need random access (PDFBox). */
@FunctionalInterface
public interface LocalFileReader<T> {

    /** Reads the file, which must not be written, moved or kept after this returns. */
    T read(Path file) throws IOException;
}
