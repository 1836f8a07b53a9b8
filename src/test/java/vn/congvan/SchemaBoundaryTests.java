package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema is part of a module's boundary (ADR 0016): a module's SQL names its own tables and the
 * read-only views other modules publish, never another module's table. Who owns what is read from the
 * migration folders, one per module.
 */
class SchemaBoundaryTests {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path SOURCES = Path.of("src/main/java/vn/congvan");

    @Test
    void noModuleNamesAnotherModulesTableInItsSql() {
        Schema schema = Schema.read(MIGRATIONS);
        List<String> crossings = new ArrayList<>();
        forEachModuleSource((module, file, source) -> {
            for (Reference reference : SqlReferences.in(source)) {
                Relation relation = schema.relations().get(reference.name());
                if (relation != null && !relation.owner().equals(module) && !relation.view()) {
                    crossings.add(file + " names " + relation.owner() + "'s table " + reference.name() + ": "
                            + reference.excerpt());
                }
            }
        });
        assertThat(crossings)
                .as("SQL naming another module's table (read its Java API or a view it publishes)")
                .isEmpty();
    }

    @Test
    void anotherModulesViewIsOnlyRead() {
        Schema schema = Schema.read(MIGRATIONS);
        List<String> writes = new ArrayList<>();
        forEachModuleSource((module, file, source) -> {
            for (Reference reference : SqlReferences.in(source)) {
                Relation relation = schema.relations().get(reference.name());
                if (relation != null && !relation.owner().equals(module) && reference.changes()) {
                    writes.add(file + " changes " + relation.owner() + "'s " + reference.name() + ": "
                            + reference.excerpt());
                }
            }
        });
        assertThat(writes).isEmpty();
    }

    @Test
    void everyViewIsNamedAfterTheModuleThatPublishesIt() {
        List<String> misnamed = Schema.read(MIGRATIONS).relations().values().stream()
                .filter(Relation::view)
                .filter(view -> !view.name().startsWith(view.owner() + "_"))
                .map(view -> view.name() + " (published by " + view.owner() + ")")
                .toList();
        assertThat(misnamed).isEmpty();
    }

    @Test
    void everyTableHasOneOwnerAndOnlyItsOwnerMigratesIt() {
        Schema schema = Schema.read(MIGRATIONS);
        assertThat(schema.conflicts()).isEmpty();
        // The ownership read must find what docs/architecture.md promises, or every other check here is void.
        assertThat(schema.relations())
                .containsKeys(
                        "document",
                        "unit",
                        "handling_case",
                        "signature_validation",
                        "audit_record",
                        "statistics_fact",
                        "spring_session",
                        "event_publication");
        assertThat(schema.relations().get("spring_session").owner()).isEqualTo("platform");
        assertThat(schema.relations().get("event_publication").owner()).isEqualTo("platform");
    }

    @Test
    void theReaderTellsSqlFromProse() {
        assertThat(names("select id from document where edxml_document_id = ?")).containsExactly("document");
        assertThat(names("from handling_case c join document d on d.id = c.document_id"))
                .containsExactly("handling_case", "document");
        assertThat(names(" from document d")).containsExactly("document");
        assertThat(names("insert into register (id, unit_id) select gen_random_uuid(), u.id from unit u"))
                .containsExactly("register", "unit");
        assertThat(names("update document set status = ?")).containsExactly("document");
        assertThat(names("analyze document, document_file, handling_case"))
                .containsExactly("document", "document_file", "handling_case");
        assertThat(names("select 1 from dossier x, dossier_document dd where dd.dossier_id = x.id"))
                .containsExactly("dossier", "dossier_document");
        assertThat(names("with up as (select id from unit where id = ? union all select u.id from unit u join up on"))
                .containsExactly("unit", "unit", "up");
        // Words of a table that are also English words, in sentences and column lists: no table there.
        assertThat(names("Package {} is addressed to no unit of this installation"))
                .isEmpty();
        assertThat(names("The clerk refuses a document on arrival (wrong address)"))
                .isEmpty();
        assertThat(names("Everything the unit received from document exchange today"))
                .isEmpty();
        assertThat(names("signer_name, unit, certificate_serial")).isEmpty();
        assertThat(names("join unit_history h on h.unit_id = u.id where d.unit = 1"))
                .containsExactly("unit_history");
        assertThat(names("select * from unnest(?) as x")).containsExactly("unnest");
        // A SQL source in Java: literals and text blocks only, never comments or code.
        String source = """
                // select id from person
                /* join membership m on m.person_id = p.id */
                String sql = \"""
                    select d.id from document d
                    join unit u on u.id = d.unit_id\""";
                String other = "delete from blob where sha256 = ?" + division;
                char quote = '"';
                String after = "update notice set read = true";
                """;
        List<Reference> references = SqlReferences.in(source);
        assertThat(references).extracting(Reference::name).containsExactly("document", "unit", "blob", "notice");
        assertThat(references).extracting(Reference::changes).containsExactly(false, false, true, true);
    }

    private static List<String> names(String sql) {
        return SqlReferences.inSql(sql).stream().map(Reference::name).toList();
    }

    interface ModuleSource {
        void accept(String module, Path file, String source);
    }

    /** Each main Java file of a module (package vn.congvan.&lt;module&gt; and below) with its module's name. */
    static void forEachModuleSource(ModuleSource action) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class, no module's
                }
                action.accept(relative.getName(0).toString(), relative, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Relation(String name, String owner, boolean view) {}

    /** The tables and views of every module, as its migrations create, rename and drop them. */
    record Schema(Map<String, Relation> relations, List<String> conflicts) {

        private static final String NAME = "(?:public\\.)?\"?([a-z_][a-z0-9_]*)\"?";
        private static final Pattern CREATE = Pattern.compile("\\bcreate\\s+(?:or\\s+replace\\s+)?"
                + "(?:(?:global|local)\\s+)?(?:temp\\s+|temporary\\s+|unlogged\\s+)?(?:recursive\\s+)?"
                + "(materialized\\s+view|table|view)\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME);
        private static final Pattern ALTER = Pattern.compile("\\balter\\s+(?:materialized\\s+view|table|view)\\s+"
                + "(?:if\\s+exists\\s+)?(?:only\\s+)?" + NAME + "(?:\\s+rename\\s+to\\s+" + NAME + ")?");
        private static final Pattern DROP = Pattern.compile("\\bdrop\\s+(?:materialized\\s+view|table|view)\\s+"
                + "(?:if\\s+exists\\s+)?([a-z0-9_.\"]+(?:\\s*,\\s*[a-z0-9_.\"]+)*)");
        private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:_(\\d+))?__.*\\.sql");

        static Schema read(Path migrations) {
            record Migration(String module, Path file, int major, int minor, String sql) {}
            List<Migration> all = new ArrayList<>();
            try (Stream<Path> files = Files.walk(migrations)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                    Matcher version = VERSION.matcher(file.getFileName().toString());
                    assertThat(version.matches())
                            .as("a versioned migration: " + file)
                            .isTrue();
                    all.add(new Migration(
                            migrations.relativize(file).getName(0).toString(),
                            file,
                            Integer.parseInt(version.group(1)),
                            version.group(2) == null ? 0 : Integer.parseInt(version.group(2)),
                            Sql.statementsOnly(Files.readString(file)).toLowerCase()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            all.sort(Comparator.comparingInt(Migration::major).thenComparingInt(Migration::minor));
            Map<String, Relation> relations = new TreeMap<>();
            List<String> conflicts = new ArrayList<>();
            // Every creation first (Flyway runs out of order), then renames and drops in version order.
            for (Migration migration : all) {
                Matcher create = CREATE.matcher(migration.sql());
                while (create.find()) {
                    Relation relation = new Relation(
                            create.group(2), migration.module(), create.group(1).endsWith("view"));
                    Relation before = relations.putIfAbsent(relation.name(), relation);
                    if (before != null && !before.owner().equals(relation.owner())) {
                        conflicts.add(migration.file() + " creates " + before.owner() + "'s " + relation.name());
                    }
                }
            }
            for (Migration migration : all) {
                Matcher alter = ALTER.matcher(migration.sql());
                while (alter.find()) {
                    Relation altered = relations.get(alter.group(1));
                    if (altered != null && !altered.owner().equals(migration.module())) {
                        conflicts.add(migration.file() + " alters " + altered.owner() + "'s " + altered.name());
                    } else if (altered != null && alter.group(2) != null) {
                        relations.remove(altered.name());
                        relations.put(alter.group(2), new Relation(alter.group(2), altered.owner(), altered.view()));
                    }
                }
                Matcher drop = DROP.matcher(migration.sql());
                while (drop.find()) {
                    for (String name : drop.group(1).split("\\s*,\\s*")) {
                        Relation dropped =
                                relations.get(name.replace("public.", "").replace("\"", ""));
                        if (dropped != null && !dropped.owner().equals(migration.module())) {
                            conflicts.add(migration.file() + " drops " + dropped.owner() + "'s " + dropped.name());
                        } else if (dropped != null) {
                            relations.remove(dropped.name());
                        }
                    }
                }
            }
            return new Schema(relations, conflicts);
        }
    }

    /** A relation named in SQL, whether the statement changes it, and where. */
    record Reference(String name, boolean changes, String excerpt) {}

    /** Finds the relations a Java source names in the SQL of its string literals and text blocks. */
    static final class SqlReferences {

        private static final String CLAUSE = "on|where|join|left|right|inner|full|cross|natural|set|order|group|"
                + "limit|offset|for|using|union|except|intersect|returning|values|select|having|window|tablesample|"
                + "add|drop|alter|rename|disable|enable|owner|in|to|with|as|from";
        /**
         * A relation is the word after one of these keywords, and after each comma of a list that follows
         * one, when what comes after it continues a statement: the end of the text, a bracket, a comma, a
         * clause, or an alias and then one of those. "a document from unit heads of the province" is a
         * sentence, "from unit u join …" a query.
         */
        private static final Pattern REFERENCE = Pattern.compile("(?i)(?<![a-z0-9_.])(delete\\s+from|from|join|into|"
                + "update|table|truncate|analyze|references)\\s+(?:only\\s+)?((?:(?:public\\.)?[a-z_][a-z0-9_]*"
                + "(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?\\s*,\\s*)*)(?:public\\.)?([a-z_][a-z0-9_]*)(?![a-z0-9_.])"
                + "(?=\\s*(?:$|[,;()]|(?:" + CLAUSE + ")\\b|(?:as\\s+)?[a-z_][a-z0-9_]*\\s*(?:$|[,;()]|(?:" + CLAUSE
                + ")\\b)))");

        private static final Pattern LISTED =
                Pattern.compile("(?i)(?:public\\.)?([a-z_][a-z0-9_]*)" + "(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?\\s*,");

        static List<Reference> in(String javaSource) {
            List<Reference> references = new ArrayList<>();
            for (String literal : Sql.literals(javaSource)) {
                references.addAll(inSql(literal));
            }
            return references;
        }

        static List<Reference> inSql(String sql) {
            String text = sql.replaceAll("\\s+", " ").trim();
            List<Reference> references = new ArrayList<>();
            Matcher matcher = REFERENCE.matcher(text);
            while (matcher.find()) {
                String keyword = matcher.group(1).toLowerCase();
                boolean changes = !keyword.equals("from") && !keyword.equals("join") && !keyword.equals("references");
                String excerpt = text.substring(matcher.start(), Math.min(text.length(), matcher.end() + 30));
                Matcher listed = LISTED.matcher(matcher.group(2));
                while (listed.find()) {
                    references.add(new Reference(listed.group(1).toLowerCase(), changes, excerpt));
                }
                references.add(new Reference(matcher.group(3).toLowerCase(), changes, excerpt));
            }
            return references;
        }
    }

    /** Just enough lexing of Java and SQL to tell code from text. */
    static final class Sql {

        /** The string literals and text blocks of a Java source, escapes resolved; comments skipped. */
        static List<String> literals(String java) {
            List<String> literals = new ArrayList<>();
            int i = 0;
            while (i < java.length()) {
                if (java.startsWith("//", i)) {
                    i = endOf(java, "\n", i + 2);
                } else if (java.startsWith("/*", i)) {
                    i = endOf(java, "*/", i + 2);
                } else if (java.startsWith("\"\"\"", i)) {
                    int end = closing(java, "\"\"\"", i + 3);
                    literals.add(unescape(java.substring(i + 3, end)));
                    i = end + 3;
                } else if (java.charAt(i) == '"') {
                    int end = closing(java, "\"", i + 1);
                    literals.add(unescape(java.substring(i + 1, end)));
                    i = end + 1;
                } else if (java.charAt(i) == '\'') {
                    i = closing(java, "'", i + 1) + 1;
                } else {
                    i++;
                }
            }
            return literals;
        }

        /** The statements of a migration without comments, quoted texts and function bodies. */
        static String statementsOnly(String sql) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < sql.length()) {
                if (sql.startsWith("--", i)) {
                    i = endOf(sql, "\n", i + 2);
                } else if (sql.startsWith("/*", i)) {
                    i = endOf(sql, "*/", i + 2);
                } else if (sql.charAt(i) == '\'') {
                    int end = sql.indexOf('\'', i + 1);
                    while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                        end = sql.indexOf('\'', end + 2);
                    }
                    i = end < 0 ? sql.length() : end + 1;
                    out.append("''");
                } else if (sql.charAt(i) == '$') {
                    Matcher tag =
                            Pattern.compile("\\$[a-zA-Z_]*\\$").matcher(sql).region(i, sql.length());
                    if (tag.lookingAt()) {
                        int end = sql.indexOf(tag.group(), tag.end());
                        i = end < 0 ? sql.length() : end + tag.group().length();
                        out.append("''");
                    } else {
                        out.append('$');
                        i++;
                    }
                } else {
                    out.append(sql.charAt(i++));
                }
            }
            return out.toString();
        }

        private static int endOf(String text, String end, int from) {
            int at = text.indexOf(end, from);
            return at < 0 ? text.length() : at + end.length();
        }

        private static int closing(String java, String quote, int from) {
            int i = from;
            while (i < java.length() && !java.startsWith(quote, i)) {
                i += java.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i, java.length());
        }

        private static String unescape(String literal) {
            Map<String, String> escapes = new LinkedHashMap<>();
            escapes.put("\\\n", "");
            escapes.put("\\n", "\n");
            escapes.put("\\t", "\t");
            escapes.put("\\s", " ");
            escapes.put("\\\"", "\"");
            escapes.put("\\'", "'");
            String text = literal;
            for (Map.Entry<String, String> escape : escapes.entrySet()) {
                text = text.replace(escape.getKey(), escape.getValue());
            }
            return text.replace("\\\\", "\\");
        }
    }
}
