package vn.congvan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The directory's texts live in its bundles, in Vietnamese and in English, with nothing missing. */
class DirectoryMessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates/directory");
    private static final Path SOURCES = Path.of("src/main/java/vn/congvan/directory");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    private static final Pattern DYNAMIC_TEMPLATE_KEY = Pattern.compile("#\\{'([\\w.-]+\\.)' \\+");
    private static final Pattern SOURCE_KEY = Pattern.compile(
            "(?:notFound|invalid|conflict|forbidden)\\(\\s*\"([\\w.-]+)\"|message = \"\\{([\\w.-]+)}\"|addFlashAttribute\\(SAVED, \"([\\w.-]+)\"");

    @Test
    void vietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        assertThat(bundle("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        bundle("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> known = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        known.addAll(platformKeys());
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                String html = Files.readString(template);
                Matcher keys = TEMPLATE_KEY.matcher(html);
                while (keys.find()) {
                    used.add(keys.group(1));
                }
                Matcher families = DYNAMIC_TEMPLATE_KEY.matcher(html);
                while (families.find()) {
                    String family = families.group(1);
                    assertThat(known).as(template + " uses " + family + "*").anyMatch(k -> k.startsWith(family));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
        for (Class<? extends Enum<?>> labelled :
                Set.of(UnitKind.class, UnitLevel.class, vn.congvan.shared.Role.class)) {
            String family = labelled == UnitKind.class
                    ? "directory.kind."
                    : labelled == UnitLevel.class ? "directory.level." : "directory.role.";
            for (Enum<?> constant : labelled.getEnumConstants()) {
                assertThat(known).contains(family + constant.name());
            }
        }
    }

    @Test
    void everyRefusalAndValidationKeyOfTheCodeExists() throws IOException {
        Set<String> known = bundle("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher keys = SOURCE_KEY.matcher(Files.readString(source));
                while (keys.find()) {
                    for (int group = 1; group <= keys.groupCount(); group++) {
                        if (keys.group(group) != null) {
                            used.add(keys.group(group));
                        }
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(known).containsAll(used);
    }

    private static Set<String> platformKeys() throws IOException {
        return load("i18n/platform/messages.properties").stringPropertyNames();
    }

    private static Properties bundle(String file) throws IOException {
        return load("i18n/directory/" + file);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DirectoryMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
