package vn.congvan.registry.dossier;

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
import vn.congvan.registry.RegistryAuditAction;

class DossierMessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.-]+)[(}]");
    private static final Pattern CODE_KEY =
            Pattern.compile("\"((?:registry\\.(?:dossier|fileplan)|audit\\.action\\.dossier)[a-zA-Z0-9.-]*[a-z])\"");
    private static final Pattern AUDIT_ACTION = Pattern.compile("(?:dossier|fileplan)\\.[a-z.]+[a-z]");

    @Test
    void theVietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        assertThat(keys("i18n/registry/messages_en.properties")).isEqualTo(keys("i18n/registry/messages.properties"));
    }

    @Test
    void everyTextOfTheDossierPagesIsInBothBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/registry"))) {
            for (Path template : templates
                    .filter(t -> t.getFileName().toString().startsWith("dossier-"))
                    .toList()) {
                collect(TEMPLATE_KEY, Files.readString(template), used);
            }
        }
        used.removeIf(key -> !key.startsWith("registry.") && !key.startsWith("audit.action."));
        assertThat(used).contains("registry.dossier.close", "registry.dossier.open.submit");

        assertThat(keys("i18n/registry/messages.properties")).containsAll(used);
        assertThat(keys("i18n/registry/messages_en.properties")).containsAll(used);
    }

    @Test
    void everyRefusalAndEveryAuditedActionOfTheDossiersHasItsMessage() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/vn/congvan/registry/dossier"))) {
            for (Path source :
                    sources.filter(s -> s.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                collect(CODE_KEY, code, used);
            }
        }
        for (RegistryAuditAction action : RegistryAuditAction.values()) {
            if (AUDIT_ACTION.matcher(action.value()).matches()) {
                used.add("audit.action." + action.value());
            }
        }
        assertThat(used)
                .contains("registry.dossier.closed", "audit.action.dossier.closed", "audit.action.fileplan.item.added");

        assertThat(keys("i18n/registry/messages.properties")).containsAll(used);
    }

    private static void collect(Pattern pattern, String text, Set<String> keys) {
        Matcher key = pattern.matcher(text);
        while (key.find()) {
            keys.add(key.group(1));
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = DossierMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(bundle.stringPropertyNames());
    }
}
