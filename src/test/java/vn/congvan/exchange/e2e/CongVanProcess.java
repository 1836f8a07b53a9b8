package vn.congvan.exchange.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import vn.congvan.ChildJvm;
import vn.congvan.FreePort;

/**
 * One CongVan server in a JVM of its own ({@code java -cp … vn.congvan.CongVanApplication}), on
 * its own port, database and data directory, with its output in {@code target/e2e-<name>.log}.
 * It can be killed as {@code kill -9} kills and started again on the same port and data. Its
 * passwords are hashed at the tests' cheap cost ({@link vn.congvan.TestDatabaseInitializer#CHEAP_PASSWORD_HASHING})
 * unless the settings name one.
 */
final class CongVanProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    private CongVanProcess(String name, int port, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.environment = environment;
        this.log = log;
    }

    /**
     * Starts a server named {@code name} (its log file's name) with the given settings as
     * {@code --key=value} arguments and environment variables; {@link #awaitHealthy} waits for it.
     */
    static CongVanProcess start(
            String name, List<String> jvmOptions, Map<String, String> settings, Map<String, String> environment) {
        int port = FreePort.onLoopback();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildJvm.options());
        command.addAll(jvmOptions);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(applicationClassPath());
        command.add("vn.congvan.CongVanApplication");
        command.add("--server.port=" + port);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        vn.congvan.TestDatabaseInitializer.CHEAP_PASSWORD_HASHING.forEach((key, value) -> {
            if (!settings.containsKey("congvan.password-hashing." + key)) {
                command.add("--congvan.password-hashing." + key + "=" + value);
            }
        });
        Path log = Path.of("target", "e2e-" + name + ".log");
        CongVanProcess started = new CongVanProcess(name, port, List.copyOf(command), Map.copyOf(environment), log);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        started.launch();
        return started;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the log's end if the JVM died or never got there. */
    CongVanProcess awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with " + process.exitValue() + "\n" + logTail());
            }
            try {
                HttpResponse<String> answer = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "\n" + logTail());
    }

    /** Ends the JVM at once, as {@code kill -9} does: no shutdown hook, no graceful end of requests. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still running after kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again with the same port, database, data directory and settings. */
    CongVanProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return this;
    }

    /** How many times the JVM was started. */
    int starts() {
        return starts;
    }

    /** The last lines of the log, to read when something went wrong. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(
                    log,
                    "=== start " + (starts + 1) + " of " + name + " on port " + port + " ===\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        // A test JVM that ends without closing us (a crash, a timeout) takes the server with it.
        Process launched = process;
        Runtime.getRuntime().addShutdownHook(new Thread(launched::destroyForcibly));
    }

    /**
     * The class path of this test run without the test classes: the application as the jar would
     * run it. Surefire passes the real class path in {@code surefire.test.class.path} when it boots
     * through a manifest-only jar.
     */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The PostgreSQL server running on the embedded database of a data directory, if one is: the
     * process {@code pgdata/postmaster.pid} names, while it lives.
     */
    static Optional<ProcessHandle> postmasterOn(Path dataDir) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve("pgdata").resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException stopped) {
            return Optional.empty();
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    /**
     * Waits (a minute at most) until the database of a killed server's data directory has ended:
     * its watchdog stops it in the background, and the directory is the database's until then.
     */
    static void awaitTheDatabaseEndedOn(Path dataDir) throws IOException {
        postmasterOn(dataDir)
                .ifPresent(postmaster ->
                        postmaster.onExit().orTimeout(60, TimeUnit.SECONDS).join());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
