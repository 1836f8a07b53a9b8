package vn.congvan.exchange.edxml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import vn.congvan.storage.SafeFileName;

/**
 * An attachment sent zipped, unpacked into its files within bounds: so many files, so many bytes
 * in all, so many times its own size. Entry names only name the files, never locate them.
 */
final class ZippedPayload {

    private final ExchangeProperties limits;

    private final SpoolFiles spool;

    ZippedPayload(ExchangeProperties limits, SpoolFiles spool) {
        this.spool = spool;
        this.limits = limits;
    }

    static boolean isZip(String contentType, String name) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.equals("application/zip")
                || type.equals("application/x-zip-compressed")
                || name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** The files in {@code zip}, each in its own temporary file; refuses a zip bomb, and a zip of no file (or no zip). */
    List<EdxmlAttachment> unpack(Path zip, String contentId, String description) throws IOException {
        long zipSize = Files.size(zip);
        long bound = Math.min(
                Objects.requireNonNull(limits.maxUnzippedSize(), "defaulted when not set")
                        .toBytes(),
                Math.multiplyExact(Math.max(zipSize, 1), limits.maxZipRatio()));
        List<EdxmlAttachment> files = new ArrayList<>();
        boolean complete = false;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                SafeFileName name = SafeFileName.of(entry.getName());
                if (files.size() == limits.maxZipEntries()) {
                    throw Refusals.zipBomb(name.value());
                }
                Path file = spool.newFile();
                files.add(EdxmlAttachment.inTemporaryFile(contentId, name, typeOf(name), description, file));
                total += copy(in, file, bound - total, name);
            }
            if (files.isEmpty()) {
                throw Refusals.malformed("zip");
            }
            complete = true;
            return files;
        } catch (ZipException e) {
            throw Refusals.malformed(e.getMessage() == null ? "zip" : e.getMessage());
        } finally {
            if (!complete) {
                files.forEach(EdxmlAttachment::close);
            }
        }
    }

    private long copy(InputStream entry, Path file, long room, SafeFileName name) throws IOException {
        long maxFile = Objects.requireNonNull(limits.maxAttachmentSize(), "defaulted when not set")
                .toBytes();
        try (OutputStream raw = Files.newOutputStream(file);
                Bounded.Output forTotal = new Bounded.Output(raw, room, () -> {
                    throw Refusals.zipBomb(name.value());
                });
                Bounded.Output out = new Bounded.Output(forTotal, maxFile, () -> {
                    throw Refusals.tooLarge(maxFile);
                })) {
            entry.transferTo(out);
            return out.count();
        }
    }

    private static String typeOf(SafeFileName name) {
        String guessed = URLConnection.guessContentTypeFromName(name.value());
        return guessed == null ? "application/octet-stream" : guessed;
    }
}
