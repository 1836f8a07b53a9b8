package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks of {@code bench/} are Java sources run by their scripts against the built classes:
 * the build compiles none of them, so a type moved or renamed in the application would break them
 * unseen until someone measures. Compiled here against the same classes.
 */
class BenchmarksCompileTests {

    @Test
    void everyBenchmarkCompilesAgainstTheApplicationAsBuilt() throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.list(Path.of("bench"))) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
        assertThat(sources).as("benchmarks in bench/").hasSizeGreaterThan(3);
        Path classes = Files.createDirectories(Path.of("target", "bench-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of(
                "-proc:none",
                "-nowarn",
                "-encoding",
                "UTF-8",
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path")));
        arguments.addAll(sources);

        int status = javac.run(null, null, null, arguments.toArray(String[]::new));

        assertThat(status).as("javac of %s", sources).isZero();
    }
}
