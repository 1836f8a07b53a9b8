package vn.congvan.platform.office;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.util.FileSystemUtils;
import vn.congvan.shared.DomainException;

/**
 * LibreOffice in headless mode, rendering one document as PDF per run. Each run takes one of a
 * few user profiles (LibreOffice cannot share one between processes), so that at most that many
 * run at once; a run that passes its time is killed with every process it started.
 */
public final class LibreOffice {

    private static final Logger log = LoggerFactory.getLogger(LibreOffice.class);
    private static final int LOG_EXCERPT = 2000;

    private final String program;
    private final Duration timeout;
    private final Path workspace;
    private final BlockingQueue<Path> profiles;

    public LibreOffice(String program, Duration timeout, Path workspace, int renderings) {
        this.program = program;
        this.timeout = timeout;
        this.workspace = workspace;
        this.profiles = new ArrayBlockingQueue<>(renderings);
        for (int i = 1; i <= renderings; i++) {
            profiles.add(workspace.resolve("profile-" + i));
        }
    }

    /** What a rendered document is read with, before its file goes. */
    public interface PdfReader<T> {
        T read(Path pdf) throws IOException;
    }

    /**
     * Renders the file as PDF and hands the PDF to the reader. Refuses with a clear reason when
     * LibreOffice is missing, busy past the time, hangs, or makes no PDF of the file.
     */
    public <T> T render(Path source, String extension, PdfReader<T> reader) throws IOException {
        Path profile = takeProfile();
        // Made inside the try below (createDirectories of "in" makes it): a failure there still
        // gives the profile back.
        Path run = workspace.resolve("runs").resolve(java.util.UUID.randomUUID().toString());
        try {
            Path in = Files.createDirectories(run.resolve("in")).resolve("du-thao" + extension);
            Files.copy(source, in);
            Path out = Files.createDirectories(run.resolve("out"));
            Path output = run.resolve("libreoffice.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            program,
                            "-env:UserInstallation=" + profile.toUri(),
                            "--headless",
                            "--invisible",
                            "--norestore",
                            "--nologo",
                            "--nolockcheck",
                            "--nodefault",
                            "--convert-to",
                            "pdf:writer_pdf_Export",
                            "--outdir",
                            out.toString(),
                            in.toString()))
                    .directory(run.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("HOME", profile.toString());
            Process process;
            try {
                process = builder.start();
            } catch (IOException missing) {
                log.warn("LibreOffice ({}) could not be started: {}", program, missing.getMessage());
                throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "platform.office.missing");
            }
            if (!waitFor(process)) {
                log.warn("LibreOffice passed {} rendering a {} file and was killed", timeout, extension);
                throw new DomainException(
                        HttpStatus.SERVICE_UNAVAILABLE, "platform.office.timed-out", timeout.toSeconds());
            }
            Path pdf = out.resolve("du-thao.pdf");
            if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                log.info(
                        "LibreOffice made no PDF of a {} file (exit {}): {}",
                        extension,
                        process.exitValue(),
                        excerpt(output));
                throw DomainException.invalid("platform.office.unreadable");
            }
            return reader.read(pdf);
        } finally {
            // The profile goes back whatever happened, even when the run's directory could not be made.
            try {
                FileSystemUtils.deleteRecursively(run);
            } finally {
                profiles.add(profile);
            }
        }
    }

    private Path takeProfile() {
        try {
            Path profile = profiles.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (profile == null) {
                throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "platform.office.busy");
            }
            return profile;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "platform.office.busy");
        }
    }

    /** Waits for the run; past the time, kills it and what it started (soffice starts soffice.bin). */
    private boolean waitFor(Process process) throws IOException {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static String excerpt(Path output) {
        try {
            String text = Files.readString(output, java.nio.charset.StandardCharsets.UTF_8);
            return text.length() > LOG_EXCERPT ? text.substring(0, LOG_EXCERPT) : text;
        } catch (IOException e) {
            return "";
        }
    }
}
