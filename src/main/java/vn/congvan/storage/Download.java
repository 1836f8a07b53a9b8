package vn.congvan.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a file leaves CongVan for a browser (tải tệp về). The type served is read from the
 * file's first bytes, never taken from the uploader or from an edXML attachment's {@code ContentType}:
 * only a PDF or a raster image (PNG, JPEG, GIF, WebP) may be shown inline; anything else (HTML, SVG,
 * XML, office files) is an attachment of type {@code application/octet-stream} under a sandboxing
 * Content-Security-Policy, so that a stored file can never run as a page of our origin.
 */
public final class Download {

    /** The policy of anything but an inline PDF: no script, no origin, nothing loaded. */
    public static final String SANDBOX = "sandbox; default-src 'none'; frame-ancestors 'none'";

    /**
     * An inline PDF may be framed by our own pages only. Neither a sandbox nor {@code default-src
     * 'none'}: Chrome shows a PDF through a plugin the policy of the document would block, and a
     * PDF served with its own type and nosniff is never read as a page.
     */
    static final String PDF_POLICY = "frame-ancestors 'self'";

    private static final int HEAD = 16;

    private Download() {}

    /** What the first bytes of a content say it is. */
    public enum Kind {
        PDF("application/pdf"),
        PNG("image/png"),
        JPEG("image/jpeg"),
        GIF("image/gif"),
        WEBP("image/webp"),
        OTHER("application/octet-stream");

        private final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }

        public MediaType mediaType() {
            return MediaType.parseMediaType(mediaType);
        }

        /** Whether a browser may show it in place: it cannot carry a script into our origin. */
        public boolean showableInline() {
            return this != OTHER;
        }

        /** The kind of a content from its first bytes (fewer when the content is shorter). */
        public static Kind of(byte[] head) {
            if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
                return PDF;
            }
            if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
                return PNG;
            }
            if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
                return JPEG;
            }
            if (startsWith(head, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                    || startsWith(head, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
                return GIF;
            }
            if (startsWith(head, "RIFF".getBytes(StandardCharsets.US_ASCII))
                    && head.length >= 12
                    && Arrays.equals(head, 8, 12, "WEBP".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
                return WEBP;
            }
            return OTHER;
        }

        /** The kind of a content from its first bytes, read from the stream (left open for the caller). */
        public static Kind of(InputStream content) {
            try {
                return of(content.readNBytes(HEAD));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean startsWith(byte[] head, byte[] magic) {
            return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
        }
    }

    /** A content whose first bytes have been read to tell its kind, to be streamed from its start. */
    public record Sniffed(Kind kind, InputStream content) {

        /** Reads the first bytes of the content and keeps them for the reader. */
        public static Sniffed of(InputStream content) {
            BufferedInputStream buffered = new BufferedInputStream(content, 8192);
            try {
                buffered.mark(HEAD);
                byte[] head = buffered.readNBytes(HEAD);
                buffered.reset();
                return new Sniffed(Kind.of(head), buffered);
            } catch (IOException e) {
                try {
                    buffered.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new UncheckedIOException(e);
            }
        }

        public static Sniffed of(byte[] content) {
            return new Sniffed(
                    Kind.of(Arrays.copyOf(content, Math.min(HEAD, content.length))),
                    new java.io.ByteArrayInputStream(content));
        }
    }

    /**
     * The answer for a stored file of this kind: inline when asked and the kind may be shown in
     * place, an attachment otherwise; the body is left to the caller.
     */
    public static ResponseEntity.BodyBuilder storedFile(@Nullable String fileName, Kind kind, boolean inlineWanted) {
        boolean inline = inlineWanted && kind.showableInline();
        return ResponseEntity.ok()
                .contentType(kind.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(inline, fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", inline && kind == Kind.PDF ? PDF_POLICY : SANDBOX);
    }

    /** A stored file held in memory (a draft's version, a package's PDF). */
    public static ResponseEntity<byte[]> storedFile(@Nullable String fileName, byte[] content, boolean inlineWanted) {
        return storedFile(fileName, Sniffed.of(content).kind(), inlineWanted).body(content);
    }

    /**
     * A file CongVan wrote itself (a register, a report, a dossier, an edXML package) of a type it
     * knows: always an attachment, under the same sandbox.
     */
    public static ResponseEntity.BodyBuilder export(String fileName, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(false, fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX);
    }

    /** The same headers on a servlet answer written by hand. */
    public static void export(jakarta.servlet.http.HttpServletResponse response, String fileName, MediaType type) {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(false, fileName));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SANDBOX);
    }

    /**
     * An RFC 6266 disposition: {@code filename} an ASCII fallback for old clients, {@code filename*}
     * the name in UTF-8 (RFC 8187), both from the name made safe (no quotes, no line breaks).
     */
    public static String disposition(boolean inline, @Nullable String fileName) {
        String safe = SafeFileName.of(fileName).value();
        return (inline ? "inline" : "attachment") + "; filename=\"" + asciiFallback(safe) + "\"; filename*=UTF-8''"
                + percentEncoded(safe);
    }

    private static String asciiFallback(String name) {
        String bare = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        StringBuilder out = new StringBuilder(bare.length());
        for (char c : bare.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';' ? c : '_');
        }
        return out.toString();
    }

    private static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
