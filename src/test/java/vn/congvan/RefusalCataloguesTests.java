package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/** The refusals a module gives in several places are named once, in its {@code <Module>Refusals}. */
class RefusalCataloguesTests {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    @Test
    void everyNamedRefusalHasItsMessageInTheModulesVietnameseAndEnglishBundles() throws Exception {
        List<String> missing = new ArrayList<>();
        Map<String, Class<?>> refusals = refusals();
        for (Map.Entry<String, Class<?>> refusal : refusals.entrySet()) {
            String module = refusal.getValue().getPackageName().replace("vn.congvan.", "");
            for (String bundle : List.of("messages.properties", "messages_en.properties")) {
                if (!load(BUNDLES.resolve(module).resolve(bundle)).containsKey(refusal.getKey())) {
                    missing.add(module + "/" + bundle + ": " + refusal.getKey());
                }
            }
        }
        assertThat(refusals)
                .containsKeys(
                        "registry.clerk-only",
                        "signing.file.not-pdf",
                        "directory.unit.not-found",
                        "exchange.axis.not-configured");
        assertThat(missing).isEmpty();
    }

    @Test
    void noSourceWritesANamedRefusalAsAFreeString() throws Exception {
        Map<String, Class<?>> refusals = refusals();
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(s -> s.toString().endsWith(".java")).toList()) {
                if (source.getFileName().toString().endsWith("Refusals.java")) {
                    continue;
                }
                String code = Files.readString(source);
                for (String key : refusals.keySet()) {
                    if (code.contains("\"" + key + "\"")) {
                        found.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Every named refusal's message key, with the catalogue naming it. */
    private static Map<String, Class<?>> refusals() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(
                new RegexPatternTypeFilter(Pattern.compile("vn\\.congvan\\.[a-z]+\\.[A-Z]\\w*Refusals")));
        Map<String, Class<?>> refusals = new LinkedHashMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("vn.congvan")) {
            Class<?> catalogue = Class.forName(definition.getBeanClassName());
            for (Field field : catalogue.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    Class<?> other = refusals.put((String) field.get(null), catalogue);
                    assertThat(other).as(field + " named twice").isNull();
                }
            }
        }
        return refusals;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
