package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import vn.congvan.audit.AuditAction;

/** Every audit action comes from its module's catalogue, has a label in both languages, and is named once. */
class AuditActionCataloguesTests {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    @Test
    void everyActionOfEveryCatalogueHasItsLabelInTheModulesVietnameseAndEnglishBundles() throws Exception {
        List<String> missing = new ArrayList<>();
        int actions = 0;
        for (Class<?> catalogue : catalogues()) {
            String module =
                    catalogue.getPackageName().replace("vn.congvan.", "").split("\\.")[0];
            Properties vietnamese = load(BUNDLES.resolve(module).resolve("messages.properties"));
            Properties english = load(BUNDLES.resolve(module).resolve("messages_en.properties"));
            for (Object constant : catalogue.getEnumConstants()) {
                String key = "audit.action." + ((AuditAction) constant).value();
                if (!vietnamese.containsKey(key)) {
                    missing.add(module + "/messages.properties: " + key);
                }
                if (!english.containsKey(key)) {
                    missing.add(module + "/messages_en.properties: " + key);
                }
                actions++;
            }
        }
        assertThat(missing).isEmpty();
        assertThat(actions).isGreaterThan(70);
    }

    @Test
    void everyCatalogueIsAnEnumAndNoTwoActionsHaveTheSameValue() throws Exception {
        Map<String, String> owners = new HashMap<>();
        List<String> modules = new ArrayList<>();
        for (Class<?> catalogue : catalogues()) {
            assertThat(catalogue.isEnum()).as(catalogue + " is an enum").isTrue();
            modules.add(catalogue.getSimpleName());
            for (Object constant : catalogue.getEnumConstants()) {
                String value = ((AuditAction) constant).value();
                assertThat(value).as(catalogue.getSimpleName() + "." + constant).matches("[a-z][a-z.-]*[a-z]");
                String other = owners.put(value, catalogue.getSimpleName() + "." + constant);
                assertThat(other).as(value + " named twice").isNull();
            }
        }
        assertThat(modules)
                .contains(
                        "PlatformAuditAction",
                        "DirectoryAuditAction",
                        "RegistryAuditAction",
                        "SigningAuditAction",
                        "HandlingAuditAction",
                        "ExchangeAuditAction",
                        "StatisticsAuditAction");
    }

    @Test
    void noAuditEntryOfTheApplicationMakesUpItsActionOnTheSpot() throws IOException {
        // The type already refuses a string; this refuses a lambda or an anonymous class in its place.
        Pattern madeUp = Pattern.compile(
                "(?:new AuditEntry\\(|AuditEntry\\.by\\(\\s*[\\w()]+,)\\s*(?:\\(\\s*\\)\\s*->|\\w+\\s*->|new AuditAction)");
        List<String> found = new ArrayList<>();
        int entries = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(s -> s.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                entries += count(Pattern.compile("new AuditEntry\\(|AuditEntry\\.by\\("), code);
                Matcher m = madeUp.matcher(code);
                while (m.find()) {
                    found.add(source.getFileName() + ": " + m.group());
                }
                if (code.contains("implements AuditAction") && !code.contains("public enum ")) {
                    found.add(source.getFileName() + ": a catalogue that is not an enum");
                }
            }
        }
        assertThat(entries).isGreaterThan(50);
        assertThat(found).isEmpty();
    }

    private static int count(Pattern pattern, String text) {
        int n = 0;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<Class<?>> catalogues() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent()
                        && !definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditAction.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("vn.congvan")) {
            found.add(Class.forName(definition.getBeanClassName()));
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
