package vn.congvan.exchange.outside;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

/**
 * Writes a package to the storage through a temporary file, so that a package of any size is
 * never held in memory, and keeps it as the blob the outbox sends.
 */
@Component
public class PackageBlobs {

    private final Edxml edxml;
    private final Blobs blobs;

    PackageBlobs(Edxml edxml, Blobs blobs) {
        this.edxml = edxml;
        this.blobs = blobs;
    }

    public StoredBlob store(EdxmlPackage p) {
        Path file = null;
        try {
            file = Files.createTempFile("congvan-package-", ".edxml");
            try (OutputStream out = Files.newOutputStream(file)) {
                edxml.write(p, out);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return blobs.store(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            p.close();
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
