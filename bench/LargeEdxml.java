import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.springframework.util.unit.DataSize;
import vn.congvan.exchange.edxml.Business;
import vn.congvan.exchange.edxml.BusinessDocType;
import vn.congvan.exchange.edxml.DocumentCode;
import vn.congvan.exchange.edxml.DocumentKind;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlAttachment;
import vn.congvan.exchange.edxml.EdxmlDocument;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.ExchangeProperties;
import vn.congvan.exchange.edxml.MessageHeader;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.exchange.edxml.OtherInfo;
import vn.congvan.exchange.edxml.Reference;
import vn.congvan.exchange.edxml.SignerInfo;
import vn.congvan.exchange.edxml.TraceHeader;
import vn.congvan.storage.SafeFileName;

/**
 * Writes an edXML package with one attachment of the given size (bytes generated as they stream)
 * through the project's writer, reads it back through the reader, and checks the attachment's
 * SHA-256: run under a small heap, it shows both directions stream.
 *   java -Xmx128m -cp target/classes:<runtime classpath> bench/LargeEdxml.java <work dir> <MiB>
 */
public class LargeEdxml {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long size = Long.parseLong(args[1]) * 1024 * 1024;
        Files.createDirectories(work);
        Path file = work.resolve("large.edxml");
        Edxml edxml = new Edxml(new ExchangeProperties(
                DataSize.ofGigabytes(4), DataSize.ofGigabytes(4), 0, DataSize.ofGigabytes(4), 0));
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        EdxmlAttachment attachment = new EdxmlAttachment(
                "1",
                SafeFileName.of("ho-so-quet.pdf"),
                "application/pdf",
                "Văn bản",
                () -> new Generated(size, written));
        String documentId = "000.00.31.H10,2026/12/01,1/UBND-VP";
        MessageHeader header = new MessageHeader(
                Organisation.of("000.00.31.H10", "Ủy ban nhân dân tỉnh"),
                List.of(Organisation.of("000.00.32.H27", "Ủy ban nhân dân tỉnh bạn")),
                documentId,
                new DocumentCode("1", "UBND-VP"),
                "",
                LocalDate.of(2026, 12, 1),
                new DocumentKind(1, 0, "Công văn"),
                "Hồ sơ quét",
                "",
                new SignerInfo("", "Chủ tịch", "Nguyễn Văn A"),
                null,
                List.of(),
                new OtherInfo(0, "", "", 1, 1, List.of()),
                1,
                null);
        EdxmlPackage p = EdxmlPackage.ofDocument(
                new EdxmlDocument(
                        header,
                        List.of(new TraceHeader("000.00.31.H10", LocalDateTime.now())),
                        new Business(BusinessDocType.NEW, "", documentId, false, "", "", List.of(), List.of(), null),
                        List.of(Reference.of(attachment))),
                List.of(attachment));

        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            edxml.write(p, out);
        }
        long writeMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        String readHash;
        long readSize;
        try (InputStream in = Files.newInputStream(file);
                EdxmlPackage read = edxml.read(in)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            readSize = 0;
            try (InputStream a = read.attachments().get(0).open()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = a.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    readSize += n;
                }
            }
            readHash = HexFormat.of().formatHex(digest.digest());
        }
        long readMs = (System.nanoTime() - start) / 1_000_000;
        String writtenHash = HexFormat.of().formatHex(written.digest());
        System.out.printf("package %d bytes, attachment %d bytes%n", Files.size(file), size);
        System.out.printf(
                "write-ms=%d read-ms=%d same-attachment=%b (read %d bytes)%n",
                writeMs, readMs, writtenHash.equals(readHash) && readSize == size, readSize);
        Files.delete(file);
    }

    /** Bytes made up as they are read (a counter mixed so that they do not compress), hashed on the way. */
    static final class Generated extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long position;

        Generated(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                long x = (position + i) * 0x9E3779B97F4A7C15L;
                b[off + i] = (byte) (x >>> 56);
            }
            digest.update(b, off, n);
            position += n;
            return n;
        }
    }
}
