package vn.congvan.registry.dossier;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Hands a stream to a writer that closes what it is given (PDFBox, a ZIP stream) while the stream
 * must stay open for what comes next: closing only flushes.
 */
final class KeptOpenStream extends FilterOutputStream {

    KeptOpenStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
