package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Every text a user sees comes from the bundles, in Vietnamese and in English alike. */
class MessageBundlesTests {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyModuleSaysTheSameThingsInVietnameseAndEnglish() throws IOException {
        try (Stream<Path> modules = Files.list(BUNDLES)) {
            for (Path module : modules.toList()) {
                // A module may keep several bundles (statistics: messages and reports), each in both languages.
                List<Path> vietnamese;
                try (Stream<Path> files = Files.list(module)) {
                    vietnamese = files.filter(f -> f.toString().endsWith(".properties"))
                            .filter(f -> !f.getFileName().toString().contains("_"))
                            .toList();
                }
                assertThat(vietnamese).as("bundles of " + module.getFileName()).isNotEmpty();
                for (Path bundle : vietnamese) {
                    String name = module.getFileName() + "/" + bundle.getFileName();
                    Properties vi = load(bundle);
                    Properties en = load(
                            module.resolve(bundle.getFileName().toString().replace(".properties", "_en.properties")));
                    assertThat(en.keySet()).as("English keys of " + name).isEqualTo(vi.keySet());
                    vi.forEach(
                            (k, v) -> assertThat((String) v).as(name + ": " + k).isNotBlank());
                }
            }
        }
    }

    @Test
    void aMessageWithArgumentsKeepsItsApostrophes() throws IOException {
        // Such a message goes through MessageFormat, where a lone ' starts a quote: "the hub's {0}"
        // would lose its apostrophe and its argument. It is written ''.
        List<String> lone = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BUNDLES)) {
            for (Path bundle :
                    files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                load(bundle).forEach((k, v) -> {
                    String text = (String) v;
                    if (text.matches("(?s).*\\{\\d.*")
                            && text.replaceAll("''", "").contains("'")) {
                        lone.add(BUNDLES.relativize(bundle) + ": " + k);
                    }
                });
            }
        }
        assertThat(lone).isEmpty();
    }

    @Test
    void noTemplateCarriesHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document html = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
                for (Element element : html.getAllElements()) {
                    for (TextNode text : element.textNodes()) {
                        if (hasWords(text.text()) && !replacedAtRendering(element)) {
                            offences.add(TEMPLATES.relativize(file) + ": \""
                                    + text.text().strip() + "\"");
                        }
                    }
                    for (String attribute : List.of("placeholder", "title", "alt", "aria-label", "value")) {
                        if (hasWords(element.attr(attribute)) && !attribute.equals("value")) {
                            offences.add(TEMPLATES.relativize(file) + ": " + attribute + "=\"" + element.attr(attribute)
                                    + "\"");
                        }
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    private static boolean replacedAtRendering(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            // A page's root is replaced by the layout, which renders the page's own sections.
            boolean replaced = e.hasAttr("th:replace") && !e.tagName().equals("html");
            if (e.hasAttr("th:text")
                    || e.hasAttr("th:utext")
                    || e.hasAttr("th:errors")
                    || replaced
                    || e.hasAttr("sec:authentication")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWords(String text) {
        return text.codePoints().filter(Character::isLetter).count() >= 2;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
