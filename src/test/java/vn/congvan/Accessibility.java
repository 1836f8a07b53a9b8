package vn.congvan;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (from npm, installed by the build with the front-end packages) run in a page as it
 * stands: the WCAG 2.1 A and AA rules, and the violations whose impact is serious or critical.
 */
public final class Accessibility {

    private static final Path AXE = Path.of("src", "main", "frontend", "node_modules", "axe-core", "axe.min.js");
    private static String source;

    private Accessibility() {}

    /** Each serious or critical violation: the rule, what it asks, and the elements that break it. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        // Evaluated through the browser's protocol, not as a script tag: the page's policy allows none.
        page.evaluate(axe());
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, {
                  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                  resultTypes: ['violations']
                })).violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => ({id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))
                """);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            found.add(v.get("id") + ": " + v.get("help") + " " + v.get("targets") + " on " + page.url());
        }
        return found;
    }

    private static synchronized String axe() {
        if (source == null) {
            try {
                source = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is installed by the build (npm ci in src/main/frontend)", e);
            }
        }
        return source;
    }
}
