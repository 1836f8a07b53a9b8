package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is an entry point into docs/: it gives the two commands (the test one is what CI runs),
 * every relative link of the README and of the pages under docs/ leads to a file (and a heading,
 * when it names one) that exists, and every decision record has the four sections of the template
 * in docs/adr/README.md.
 */
class DocsAreLinkedTests {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");
    private static final Pattern STATUS =
            Pattern.compile("(Proposed|Accepted|Deprecated|Superseded)\\b.*\\(\\d{4}-\\d{2}-\\d{2}\\)");
    private static final List<String> SECTIONS = List.of("Status", "Context", "Decision", "Consequences");
    private static final String START = "./mvnw -B -ntp -DskipTests package && java -jar target/congvan.jar";
    private static final String TEST = "./mvnw -B -ntp verify";

    @Test
    void theReadmeGivesTheTwoCommandsAndCiRunsItsTestCommand() throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            } else if (inFence && !line.isBlank()) {
                commands.add(line.strip());
            }
        }
        List<String> ci = Files.readAllLines(Path.of(".ci/run"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();

        assertThat(commands).as("the README's commands").containsExactly(START, TEST);
        assertThat(ci).as(".ci/run").contains(TEST);
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsLeadsToAnExistingFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : relativeLinks(page)) {
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(page + " -> " + target + " (no such file)");
                } else if (hash >= 0
                        && linked.toString().endsWith(".md")
                        && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(page + " -> " + target + " (no such heading)");
                }
            }
        }

        assertThat(checked).as("relative links read").isGreaterThan(30);
        assertThat(broken).as("links leading nowhere").isEmpty();
    }

    @Test
    void everyDecisionRecordHasAStatusWithItsDateAContextADecisionAndConsequences() throws IOException {
        List<Path> records;
        try (Stream<Path> adr = Files.list(Path.of("docs/adr"))) {
            records = adr.filter(p -> p.getFileName().toString().matches("\\d{4}-.+\\.md"))
                    .sorted()
                    .toList();
        }
        List<String> wrong = new ArrayList<>();
        for (Path record : records) {
            List<String> lines = prose(record);
            List<String> sections = lines.stream()
                    .filter(l -> l.startsWith("## "))
                    .map(l -> l.substring(3).strip())
                    .filter(SECTIONS::contains)
                    .toList();
            if (!sections.equals(SECTIONS)) {
                wrong.add(record + " has the sections " + sections + ", not " + SECTIONS + " in this order");
            }
            int status = lines.indexOf("## Status");
            String statusLine = lines.stream()
                    .skip(status + 1L)
                    .filter(l -> !l.isBlank())
                    .findFirst()
                    .orElse("");
            if (status < 0 || !STATUS.matcher(statusLine).lookingAt()) {
                wrong.add(record + " has the status '" + statusLine + "', not 'Accepted (YYYY-MM-DD)' or the like");
            }
        }

        assertThat(records).as("decision records").hasSizeGreaterThanOrEqualTo(15);
        assertThat(wrong).as("decision records out of the template").isEmpty();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> relativeLinks(Path page) throws IOException {
        List<String> links = new ArrayList<>();
        for (String line : prose(page)) {
            Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    links.add(target);
                }
            }
        }
        return links;
    }

    /** The anchors a Markdown renderer such as GitHub's gives the page's headings. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1)
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                String anchor = slug;
                for (int n = 1; !anchors.add(anchor); n++) {
                    anchor = slug + "-" + n;
                }
            }
        }
        return anchors;
    }

    /** The page's lines outside fenced code blocks, where a link or a heading is only an example. */
    private static List<String> prose(Path page) throws IOException {
        List<String> prose = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence) {
                prose.add(line);
            }
        }
        return prose;
    }
}
