package vn.congvan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * A button that asks before it sends (its form's or its own data-confirm) comes disabled from the
 * server until the page's script, which asks the question, enables it: pressed before the script
 * listened, it sent unasked (a browser test clicked "Cấp số, đóng dấu và phát hành" while
 * congvan.js was still on its way, and the document was issued without the question).
 */
class QuestionsBeforeSendingTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyButtonThatAsksBeforeSendingWaitsForThePagesScript() throws IOException {
        List<String> asking = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Element page = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
                for (Element element : page.getAllElements()) {
                    if (!asks(element)) {
                        continue;
                    }
                    List<Element> buttons = element.tagName().equals("form")
                            ? element.select("button:not([type=button])")
                            : List.of(element);
                    for (Element button : buttons) {
                        String where = TEMPLATES.relativize(file) + ": " + button.outerHtml();
                        asking.add(where);
                        if (!button.hasAttr("disabled") || !button.hasAttr("data-awaits-script")) {
                            unguarded.add(where);
                        }
                    }
                }
            }
        }
        assertThat(asking).as("buttons that ask before sending").hasSizeGreaterThanOrEqualTo(7);
        assertThat(unguarded)
                .as("disabled with data-awaits-script until congvan.js enables them")
                .isEmpty();
    }

    private static boolean asks(Element element) {
        return element.hasAttr("data-confirm")
                || element.hasAttr("th:data-confirm")
                || element.attr("th:attr").contains("data-confirm=");
    }
}
