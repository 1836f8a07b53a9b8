package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code congvan.*} setting an operator can give (a key of application.yml, a placeholder in
 * the code) is documented in docs/configuration.md; a map of settings such as
 * {@code congvan.exchange.hub.systems.<system-id>} is documented by its pattern.
 */
class ConfigurationIsDocumentedTests {

    private static final Pattern DOCUMENTED = Pattern.compile("`(congvan\\.[a-z0-9.<>_-]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(congvan\\.[a-zA-Z0-9.-]+)");

    @Test
    void everyCongvanSettingIsInTheConfigurationPage() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher inDocs = DOCUMENTED.matcher(Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8));
        while (inDocs.find()) {
            documented.add(inDocs.group(1));
        }
        Set<String> settings = new TreeSet<>();
        try (InputStream yml = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            Map<String, Object> root = new Yaml().load(yml);
            keys("congvan", root.get("congvan"), settings);
        }
        settings.addAll(declaredInTheMetadata());
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher placeholder = PLACEHOLDER.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (placeholder.find()) {
                    settings.add(placeholder.group(1));
                }
            }
        }

        assertThat(settings).as("settings read").hasSizeGreaterThan(50);
        assertThat(settings.stream().filter(s -> !covered(s, documented)).toList())
                .as("settings missing from docs/configuration.md")
                .isEmpty();
    }

    @Test
    void theBuildWritesTheMetadataOfEverySettingsRecord() throws IOException {
        assertThat(declaredInTheMetadata())
                .as("settings in META-INF/spring-configuration-metadata.json")
                .hasSizeGreaterThan(50)
                .contains(
                        "congvan.data-dir",
                        "congvan.exchange.axis.directory-first-delay",
                        "congvan.pdf.max-decoded-size");
    }

    /** The settings of the {@code @ConfigurationProperties} records, as the configuration processor listed them. */
    private static Set<String> declaredInTheMetadata() throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream metadata = ConfigurationIsDocumentedTests.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata)
                    .as("metadata written by spring-boot-configuration-processor")
                    .isNotNull();
            JsonNode root = JsonMapper.shared().readTree(metadata);
            root.path("properties")
                    .forEach(property -> names.add(property.path("name").asText()));
        }
        names.removeIf(name -> !name.startsWith("congvan."));
        return names;
    }

    private static boolean covered(String setting, Set<String> documented) {
        return documented.contains(setting)
                || documented.stream()
                        .filter(d -> d.contains("<"))
                        .map(d -> d.substring(0, d.indexOf('<')))
                        // a map setting is listed by the metadata under its own name, documented with its keys
                        .anyMatch(prefix -> setting.startsWith(prefix) || (setting + ".").equals(prefix));
    }

    private static void keys(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, value) -> keys(prefix + "." + key, value, into));
        } else {
            into.add(prefix);
        }
    }
}
