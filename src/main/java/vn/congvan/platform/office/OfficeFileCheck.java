package vn.congvan.platform.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import vn.congvan.shared.DomainException;

/**
 * What an office document must be before LibreOffice opens it: a Word (.docx) or OpenDocument
 * (.odt) text as its name says, not protected by a password, without macros, and whose parts do
 * not expand past the bound (a small ZIP can inflate to gigabytes). Each refusal says which.
 */
public final class OfficeFileCheck {

    /** The office documents CongVan renders, by the extension of their name. */
    public enum Kind {
        DOCX(".docx"),
        ODT(".odt");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The kind a file name says, if it is one CongVan renders. */
        public static java.util.Optional<Kind> of(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT).strip();
            for (Kind kind : values()) {
                if (lower.endsWith(kind.extension)) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** The first bytes of an OLE2 compound file: an encrypted Word file, or Word 97–2003. */
    private static final byte[] COMPOUND_FILE = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private static final byte[] ENCRYPTED_PACKAGE = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
    private static final int MAX_PARTS = 10_000;
    private static final long COMPOUND_SCAN = 64L * 1024 * 1024;

    private final long maxExpandedSize;

    public OfficeFileCheck(long maxExpandedSize) {
        this.maxExpandedSize = maxExpandedSize;
    }

    /** Refuses the file unless LibreOffice may open it as the kind its name says. */
    public void check(Path file, Kind kind) throws IOException {
        byte[] head = new byte[COMPOUND_FILE.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read == head.length && java.util.Arrays.equals(head, COMPOUND_FILE)) {
            throw DomainException.invalid(
                    holdsEncryptedPackage(file) ? "platform.office.encrypted" : "platform.office.old-format");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (kind == Kind.DOCX) {
                checkWord(zip);
            } else {
                checkOpenDocument(zip);
            }
            checkExpansion(zip);
        } catch (ZipException notAZip) {
            throw DomainException.invalid("platform.office.unreadable");
        }
    }

    private static void checkWord(ZipFile zip) throws IOException {
        if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("word/document.xml") == null) {
            throw DomainException.invalid("platform.office.unreadable");
        }
        String types = text(zip, "[Content_Types].xml").toLowerCase(Locale.ROOT);
        if (types.contains("macroenabled") || types.contains("vbaproject") || names(zip, "vbaproject.bin")) {
            throw DomainException.invalid("platform.office.macros");
        }
    }

    private static void checkOpenDocument(ZipFile zip) throws IOException {
        if (zip.getEntry("content.xml") == null
                || zip.getEntry("mimetype") == null
                || !text(zip, "mimetype").strip().equals("application/vnd.oasis.opendocument.text")) {
            throw DomainException.invalid("platform.office.unreadable");
        }
        ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest != null && text(zip, "META-INF/manifest.xml").contains("encryption-data")) {
            throw DomainException.invalid("platform.office.encrypted");
        }
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            boolean basicLibrary = name.startsWith("Basic/") && !name.endsWith("script-lc.xml");
            if (basicLibrary || name.startsWith("Scripts/")) {
                throw DomainException.invalid("platform.office.macros");
            }
        }
    }

    /** Inflates every part, counting, and stops at the bound: the sizes a ZIP declares may lie. */
    private void checkExpansion(ZipFile zip) throws IOException {
        if (zip.size() > MAX_PARTS) {
            throw DomainException.invalid("platform.office.too-large");
        }
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > maxExpandedSize) {
                        throw DomainException.invalid("platform.office.too-large");
                    }
                }
            } catch (ZipException corrupt) {
                throw DomainException.invalid("platform.office.unreadable");
            }
        }
    }

    private static boolean names(ZipFile zip, String endingLowerCase) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            if (e.nextElement().getName().toLowerCase(Locale.ROOT).endsWith(endingLowerCase)) {
                return true;
            }
        }
        return false;
    }

    private static String text(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
        }
    }

    /** Whether a compound file holds the stream an encrypted Word 2007+ file keeps its package in. */
    private static boolean holdsEncryptedPackage(Path file) throws IOException {
        byte[] window = new byte[1024 * 1024 + ENCRYPTED_PACKAGE.length];
        long scanned = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int carried = 0;
            while (scanned < COMPOUND_SCAN) {
                int n = in.readNBytes(window, carried, window.length - carried);
                if (n <= 0) {
                    return false;
                }
                int filled = carried + n;
                if (indexOf(window, filled, ENCRYPTED_PACKAGE) >= 0) {
                    return true;
                }
                carried = Math.min(ENCRYPTED_PACKAGE.length - 1, filled);
                System.arraycopy(window, filled - carried, window, 0, carried);
                scanned += n;
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, int length, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (data[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
