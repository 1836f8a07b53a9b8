package vn.congvan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Poppler's tools, an implementation of PDF independent of ours: {@code pdfsig} verifies, {@code pdftoppm} renders. */
public final class Poppler {

    private Poppler() {}

    /** What {@code pdfsig} says of each signature of the PDF, in order. */
    public static List<String> pdfsig(byte[] pdf) {
        Path file = write(pdf);
        try {
            return pdfsig(file);
        } finally {
            file.toFile().delete();
        }
    }

    /** What {@code pdfsig} says of each signature of the PDF file, in order. */
    public static List<String> pdfsig(Path pdf) {
        return signatures(run("pdfsig", pdf.toString()));
    }

    /**
     * What {@code pdfsig} says of each signature of the PDF, validating certificates against the
     * NSS database in the directory (see {@link #nssTrusting}), asking the OCSP responders named in
     * the certificates as NSS does (by GET when the request is short).
     */
    public static List<String> pdfsig(byte[] pdf, Path nssDirectory) {
        Path file = write(pdf);
        try {
            return signatures(run("pdfsig", "-nssdir", "sql:" + nssDirectory, file.toString()));
        } finally {
            file.toFile().delete();
        }
    }

    /** A new NSS database under target/ in which the given root is a trusted certificate authority. */
    public static Path nssTrusting(java.security.cert.X509Certificate root) {
        try {
            Path dir = Files.createDirectories(
                            Path.of("target", "nss", java.util.UUID.randomUUID().toString()))
                    .toAbsolutePath();
            run("certutil", "-N", "-d", "sql:" + dir, "--empty-password");
            Path pem = dir.resolve("root.der");
            Files.write(pem, root.getEncoded());
            run("certutil", "-A", "-d", "sql:" + dir, "-n", "root", "-t", "CT,C,C", "-i", pem.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> signatures(String out) {
        List<String> signatures = new ArrayList<>();
        for (String block : out.split("Signature #")) {
            if (block.contains("Signature Field Name")) {
                signatures.add(block);
            }
        }
        return signatures;
    }

    /** The page rendered as a PNG at the given resolution. */
    public static byte[] render(byte[] pdf, int page, int dpi) {
        Path file = write(pdf);
        try {
            Path prefix = Files.createTempDirectory("congvan-render").resolve("page");
            run(
                    "pdftoppm",
                    "-png",
                    "-r",
                    Integer.toString(dpi),
                    "-f",
                    Integer.toString(page),
                    "-l",
                    Integer.toString(page),
                    "-singlefile",
                    file.toString(),
                    prefix.toString());
            Path png = prefix.resolveSibling("page.png");
            byte[] bytes = Files.readAllBytes(png);
            Files.delete(png);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            file.toFile().delete();
        }
    }

    private static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path write(byte[] pdf) {
        try {
            Path file = Files.createTempFile("congvan-poppler-", ".pdf");
            Files.write(file, pdf);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
