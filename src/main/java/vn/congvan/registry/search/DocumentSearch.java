package vn.congvan.registry.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.registry.document.Documents;
import vn.congvan.registry.document.SearchableText;
import vn.congvan.shared.Official;

/**
 * Finds documents by words of their metadata and PDF text, insensitive to diacritics and case,
 * within what the official may read. Words become prefix terms of a full-text query on the
 * folded text, served by a GIN index; every value is a bound parameter.
 */
@Service
@Transactional(readOnly = true)
public class DocumentSearch {

    static final int MAX_WORDS = 12;

    /** How many of the newest documents in scope are tried first for a search with words. */
    static final int RECENT_WINDOW = 20_000;

    private static final String ORDER = " order by d.issued_date desc, d.created_at desc";

    private final JdbcClient jdbc;

    DocumentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SearchResult search(Official official, SearchQuery query) {
        return search(official, query, Within.documents(null));
    }

    /** Searches within one of the sets the home page counts: a {@link Glance}'s condition for the official. */
    public SearchResult search(Official official, SearchQuery query, Glance.@Nullable Condition glance) {
        return search(official, query, Within.documents(glance));
    }

    /**
     * The documents {@code d} of a table expression, narrowed by conditions; the expression's
     * parameters come first in every query, since it stands before the conditions.
     */
    record Within(String from, List<Object> fromParams, List<Glance.Condition> conditions) {

        static Within documents(Glance.@Nullable Condition glance) {
            return new Within("document d", List.of(), glance == null ? List.of() : List.of(glance));
        }

        Within and(Glance.Condition condition) {
            List<Glance.Condition> all = new ArrayList<>(conditions);
            all.add(condition);
            return new Within(from, fromParams, all);
        }
    }

    /** The where clause of a search within what the official may read, and its parameters after the expression's. */
    record Filters(String sql, List<Object> params) {}

    Filters filters(Official official, SearchQuery query, Within within) {
        StringBuilder filters = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>(within.fromParams());
        for (Glance.Condition condition : within.conditions()) {
            filters.append(" and ").append(condition.sql());
            params.addAll(condition.params());
        }
        if (!DocumentAccess.seesEveryUnit(official)) {
            // Both sides of the "or" by an index (the unit's documents, the few granted ones), so that
            // a unit's documents are read without reading the province's: the lists count them all.
            filters.append(" and (d.unit_id = any(?) or d.id = any(array(select g.document_id from document_grant g"
                    + " where g.person_id = ?)))");
            params.add(official.unitIds().toArray(new UUID[0]));
            params.add(official.personId());
        }
        filters.append(" and (d.confidentiality = 0 or exists (select 1 from document_grant g"
                + " where g.document_id = d.id and g.person_id = ?))");
        params.add(official.personId());
        if (query.unitId() != null) {
            filters.append(" and d.unit_id = ?");
            params.add(query.unitId());
        }
        if (query.direction() != null) {
            filters.append(" and d.direction = ?");
            params.add(query.direction().name());
        }
        if (query.type() != null) {
            filters.append(" and d.document_type = ?");
            params.add(query.type().name());
        }
        if (query.status() != null) {
            filters.append(" and d.status = ?");
            params.add(query.status().name());
        }
        if (query.from() != null) {
            filters.append(" and d.issued_date >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            filters.append(" and d.issued_date <= ?");
            params.add(query.to());
        }
        String terms = prefixTerms(query.q());
        if (!terms.isEmpty()) {
            filters.append(" and d.search_vector @@ to_tsquery('simple', ?)");
            params.add(terms);
        }
        return new Filters(filters.toString(), params);
    }

    SearchResult search(Official official, SearchQuery query, Within within) {
        String terms = prefixTerms(query.q());
        int wanted = (query.page() + 1) * query.size() + 1;
        if (terms.isEmpty()) {
            Filters filters = filters(official, query, within);
            return page(
                    query,
                    find(
                            "select " + Documents.COLUMNS + " from " + within.from()
                                    + " join directory_units u on u.id = d.unit_id" + filters.sql() + ORDER
                                    + " limit ? offset ?",
                            filters.params(),
                            query));
        }
        if (wanted <= RECENT_WINDOW) {
            // Common words match a large share of the documents: the newest matches are among the
            // newest documents, found by the date index without reading every match. When the window
            // holds more matches than the page needs, they are exactly the first ones overall.
            Filters scope = filters(official, withoutWords(query), within);
            List<Object> windowed = new ArrayList<>(scope.params());
            windowed.add(RECENT_WINDOW);
            windowed.add(terms);
            List<DocumentView> recent = find(
                    "select " + Documents.COLUMNS + " from (select w.id from"
                            + " (select d.id, d.issued_date, d.created_at, d.search_vector from " + within.from()
                            + scope.sql() + ORDER
                            + " limit ?) w where w.search_vector @@ to_tsquery('simple', ?)"
                            + " order by w.issued_date desc, w.created_at desc limit ? offset ?) hit"
                            + " join document d on d.id = hit.id join directory_units u on u.id = d.unit_id" + ORDER,
                    windowed,
                    query);
            if (recent.size() > query.size()) {
                return page(query, recent);
            }
        }
        // Rare words: the full-text index finds their few matches directly.
        Filters filters = filters(official, query, within);
        return page(
                query,
                find(
                        "select " + Documents.COLUMNS + " from " + within.from()
                                + " join directory_units u on u.id = d.unit_id" + filters.sql() + ORDER
                                + " limit ? offset ?",
                        filters.params(),
                        query));
    }

    private static SearchQuery withoutWords(SearchQuery query) {
        return new SearchQuery(
                null,
                query.unitId(),
                query.direction(),
                query.type(),
                query.from(),
                query.to(),
                query.status(),
                query.page(),
                query.size());
    }

    private List<DocumentView> find(String sql, List<Object> params, SearchQuery query) {
        List<Object> all = new ArrayList<>(params);
        all.add(query.size() + 1);
        all.add((long) query.page() * query.size());
        return jdbc.sql(sql).params(all).query(Documents::row).list();
    }

    private static SearchResult page(SearchQuery query, List<DocumentView> found) {
        boolean hasNext = found.size() > query.size();
        return new SearchResult(hasNext ? found.subList(0, query.size()) : found, query.page(), query.size(), hasNext);
    }

    /**
     * "Quyết định 15" becomes {@code quyet & dinh & 15:*}: whole words, and the last one also as the
     * beginning of a word (what a user is still typing) when it has three characters or more. A
     * prefix on every word would merge the postings of thousands of words ("so:*" is "so", "song",
     * "son"…) and make common searches slow. Nothing but letters and digits survives.
     */
    static String prefixTerms(@org.jspecify.annotations.Nullable String q) {
        if (q == null || q.isBlank()) {
            return "";
        }
        List<String> words = Arrays.stream(SearchableText.normalize(q).split(" "))
                .filter(w -> !w.isEmpty())
                .limit(MAX_WORDS)
                .map(w -> w.length() > 60 ? w.substring(0, 60) : w)
                .toList();
        if (words.isEmpty()) {
            return "";
        }
        List<String> terms = new ArrayList<>(words);
        String last = terms.remove(terms.size() - 1);
        terms.add(last.length() >= 3 ? last + ":*" : last);
        return String.join(" & ", terms);
    }
}
