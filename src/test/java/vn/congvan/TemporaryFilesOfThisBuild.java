package vn.congvan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The test JVMs keep their temporary files in {@code target/tmp} ({@code -Djava.io.tmpdir} in the
 * pom), not in the machine's shared temporary directory: another build or test run on the machine
 * never sees them, and {@code mvn clean} removes them. Made before the first test asks for one.
 */
public class TemporaryFilesOfThisBuild implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
