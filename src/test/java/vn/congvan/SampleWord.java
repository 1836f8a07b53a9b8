package vn.congvan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Word (.docx) and OpenDocument (.odt) files as an office writes them, made in the test: paragraphs
 * in Times New Roman, a page break where a paragraph is {@link #PAGE_BREAK}; and the bad ones an
 * office also sends (macros, a password, parts that inflate to far more than their size).
 */
public final class SampleWord {

    /** A paragraph that starts a new page. */
    public static final String PAGE_BREAK = "\f";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private SampleWord() {}

    /** A .docx with these paragraphs. */
    public static byte[] docx(String... paragraphs) {
        return zip(wordParts(paragraphs, Map.of()));
    }

    /** A .docm's content under a .docx name: the same text, with a VBA project. */
    public static byte[] docxWithMacros(String... paragraphs) {
        Map<String, byte[]> parts =
                wordParts(paragraphs, Map.of("word/vbaProject.bin", new byte[] {(byte) 0xD0, 1, 2}));
        return zip(parts);
    }

    /** A .docx whose text part inflates to {@code bytes} bytes of spaces inside a small file. */
    public static byte[] docxInflatingTo(long bytes) {
        Map<String, byte[]> parts = wordParts(new String[] {"Tờ trình"}, Map.of());
        byte[] padding = new byte[(int) bytes];
        Arrays.fill(padding, (byte) ' ');
        parts.put("word/padding.xml", padding);
        return zip(parts);
    }

    /** An .odt with these paragraphs. */
    public static byte[] odt(String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<text:p>").append(escape(p)).append("</text:p>");
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("mimetype", utf8("application/vnd.oasis.opendocument.text"));
        parts.put("content.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">\
                <office:body><office:text>%s</office:text></office:body></office:document-content>""".formatted(body)));
        parts.put("META-INF/manifest.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
                </manifest:manifest>"""));
        return zip(parts);
    }

    /**
     * A Word file protected by a password as Word saves it: not a ZIP but an OLE2 compound file
     * holding the streams {@code EncryptionInfo} and {@code EncryptedPackage} (here of random bytes).
     */
    public static byte[] passwordProtectedDocx() {
        int sector = 512;
        int streamSectors = 8; // 4096 bytes each: regular streams, no mini stream
        ByteBuffer file =
                ByteBuffer.allocate(sector * (1 + 2 + 2 * streamSectors)).order(ByteOrder.LITTLE_ENDIAN);
        // Header
        file.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        file.position(24);
        file.putShort((short) 0x003E)
                .putShort((short) 3)
                .putShort((short) 0xFFFE)
                .putShort((short) 9)
                .putShort((short) 6);
        file.position(44);
        file.putInt(1); // FAT sectors
        file.putInt(1); // first directory sector
        file.putInt(0);
        file.putInt(4096); // mini stream cutoff
        file.putInt(-2).putInt(0); // no mini FAT
        file.putInt(-2).putInt(0); // no DIFAT sectors
        file.putInt(0); // the FAT is sector 0
        for (int i = 1; i < 109; i++) {
            file.putInt(-1);
        }
        // Sector 0: the FAT
        int fat = sector;
        file.position(fat);
        file.putInt(-3); // sector 0: FAT
        file.putInt(-2); // sector 1: directory, one sector
        for (int stream = 0; stream < 2; stream++) {
            int first = 2 + stream * streamSectors;
            for (int s = first; s < first + streamSectors - 1; s++) {
                file.putInt(s + 1);
            }
            file.putInt(-2);
        }
        while (file.position() < fat + sector) {
            file.putInt(-1);
        }
        // Sector 1: the directory
        directoryEntry(file, "Root Entry", 5, -1, -1, 1, -2, 0);
        directoryEntry(file, "EncryptionInfo", 2, -1, 2, -1, 2, 4096);
        directoryEntry(file, "EncryptedPackage", 2, -1, -1, -1, 2 + streamSectors, 4096);
        directoryEntry(file, "", 0, -1, -1, -1, 0, 0);
        byte[] random = new byte[2 * streamSectors * sector];
        new java.util.Random(30).nextBytes(random);
        file.put(random);
        return file.array();
    }

    private static void directoryEntry(
            ByteBuffer file, String name, int type, int left, int right, int child, int start, int size) {
        int at = file.position();
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        file.put(utf16);
        file.position(at + 64);
        file.putShort((short) (name.isEmpty() ? 0 : utf16.length + 2));
        file.put((byte) type).put((byte) 1);
        file.putInt(left).putInt(right).putInt(child);
        file.position(at + 116);
        file.putInt(start).putInt(size).putInt(0);
    }

    private static Map<String, byte[]> wordParts(String[] paragraphs, Map<String, byte[]> extra) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            if (p.equals(PAGE_BREAK)) {
                body.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
            } else {
                body.append("<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/>"
                                + "<w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">")
                        .append(escape(p))
                        .append("</w:t></w:r></w:p>");
            }
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        boolean macros = extra.containsKey("word/vbaProject.bin");
        parts.put("[Content_Types].xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>%s\
                <Override PartName="/word/document.xml" ContentType="%s"/></Types>""".formatted(
                macros ? "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>" : "",
                macros
                        ? "application/vnd.ms-word.document.macroEnabled.main+xml"
                        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")));
        parts.put("_rels/.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="word/document.xml"/></Relationships>"""));
        parts.put("word/document.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="%s"><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
                <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr></w:body></w:document>""".formatted(W, body)));
        parts.putAll(extra);
        return parts;
    }

    private static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                if (part.getKey().equals("mimetype")) {
                    // OpenDocument: the first part, stored as it is.
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(part.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(part.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The paragraphs of a document of {@code pages} pages, each page titled with its number. */
    public static String[] pages(int pages) {
        List<String> paragraphs = new java.util.ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            if (i > 1) {
                paragraphs.add(PAGE_BREAK);
            }
            paragraphs.add("Trang " + i);
        }
        return paragraphs.toArray(String[]::new);
    }
}
