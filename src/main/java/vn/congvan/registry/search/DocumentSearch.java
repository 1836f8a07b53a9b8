package vn.congvan.registry.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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

    private final JdbcClient jdbc;

    DocumentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SearchResult search(Official official, SearchQuery query) {
        StringBuilder sql = new StringBuilder("select " + Documents.COLUMNS
                + " from document d join unit u on u.id = d.unit_id where true");
        List<Object> params = new ArrayList<>();
        if (!DocumentAccess.seesEveryUnit(official)) {
            sql.append(" and (d.unit_id = any(?) or exists (select 1 from document_grant g"
                    + " where g.document_id = d.id and g.person_id = ?))");
            params.add(official.unitIds().toArray(new UUID[0]));
            params.add(official.personId());
        }
        sql.append(" and (d.confidentiality = 0 or exists (select 1 from document_grant g"
                + " where g.document_id = d.id and g.person_id = ?))");
        params.add(official.personId());
        String terms = prefixTerms(query.q());
        if (!terms.isEmpty()) {
            sql.append(" and d.search_vector @@ to_tsquery('simple', ?)");
            params.add(terms);
        }
        if (query.unitId() != null) {
            sql.append(" and d.unit_id = ?");
            params.add(query.unitId());
        }
        if (query.direction() != null) {
            sql.append(" and d.direction = ?");
            params.add(query.direction().name());
        }
        if (query.type() != null) {
            sql.append(" and d.document_type = ?");
            params.add(query.type().name());
        }
        if (query.status() != null) {
            sql.append(" and d.status = ?");
            params.add(query.status().name());
        }
        if (query.from() != null) {
            sql.append(" and d.issued_date >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" and d.issued_date <= ?");
            params.add(query.to());
        }
        sql.append(" order by d.issued_date desc, d.created_at desc limit ? offset ?");
        params.add(query.size() + 1);
        params.add((long) query.page() * query.size());
        List<DocumentView> found = jdbc.sql(sql.toString())
                .params(params)
                .query(Documents::row)
                .list();
        boolean hasNext = found.size() > query.size();
        return new SearchResult(hasNext ? found.subList(0, query.size()) : found, query.page(), query.size(), hasNext);
    }

    /** "Quyết định 15" becomes {@code quyet:* & dinh:* & 15:*}; nothing but letters and digits survives. */
    static String prefixTerms(@org.jspecify.annotations.Nullable String q) {
        if (q == null || q.isBlank()) {
            return "";
        }
        return Arrays.stream(SearchableText.normalize(q).split(" "))
                .filter(w -> !w.isEmpty())
                .limit(MAX_WORDS)
                .map(w -> (w.length() > 60 ? w.substring(0, 60) : w) + ":*")
                .collect(Collectors.joining(" & "));
    }
}
