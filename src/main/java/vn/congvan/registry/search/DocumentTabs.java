package vn.congvan.registry.search;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.HandlingProgress;
import vn.congvan.shared.Official;

/**
 * The list of incoming or of outgoing documents the official may read, one tab at a time
 * ({@link ListTab}), with the filters of a search: a page of the tab, where each document of it stands,
 * and how many documents each tab holds, counted in one query.
 */
@Service
@Transactional(readOnly = true)
public class DocumentTabs {

    /** Without a module that handles arrivals, no handling has begun: every open document waits to be assigned. */
    static final String NO_PROGRESS = "select cast(null as uuid) as document_id, false as is_assigned,"
            + " false as is_closed, cast(null as date) as deadline where false";

    /** Where a document of the page stands: its tab, and its deadline (an incoming one's handling's, else its own due date). */
    public record Standing(ListTab tab, @Nullable LocalDate deadline) {}

    /** A page of a tab, where each of its documents stands, and how many documents each tab of the list holds. */
    public record Listing(
            ListTab tab,
            List<ListTab> tabs,
            SearchResult result,
            Map<UUID, Standing> standings,
            Map<ListTab, Long> counts) {

        public long count(ListTab t) {
            return counts.getOrDefault(t, 0L);
        }

        public @Nullable Standing standing(UUID documentId) {
            return standings.get(documentId);
        }
    }

    private final DocumentSearch search;
    private final JdbcClient jdbc;
    private final ObjectProvider<HandlingProgress> progress;

    DocumentTabs(DocumentSearch search, JdbcClient jdbc, ObjectProvider<HandlingProgress> progress) {
        this.search = search;
        this.jdbc = jdbc;
        this.progress = progress;
    }

    /** The tab of the list of {@code query}'s direction; a tab of the other list shows every document. */
    public Listing list(
            Official official, SearchQuery query, Glance.@Nullable Condition glance, ListTab wanted, LocalDate today) {
        Direction direction = Objects.requireNonNull(query.direction(), "a list is of one direction");
        List<ListTab> tabs = ListTab.of(direction);
        ListTab tab = tabs.contains(wanted) ? wanted : ListTab.ALL;
        DocumentSearch.Within documents = DocumentSearch.Within.documents(glance);
        DocumentSearch.Within standing = direction == Direction.INCOMING
                ? new DocumentSearch.Within(
                        "document d left join (" + progressQuery() + ") h on h.document_id = d.id"
                                + " cross join (select cast(? as date) as today) t",
                        List.of(Date.valueOf(today)),
                        documents.conditions())
                : documents;
        DocumentSearch.Within shown = tab == ListTab.ALL
                ? documents
                : (tab.readsProgress() ? standing : documents).and(new Glance.Condition(tab.condition(), List.of()));
        SearchResult result = search.search(official, query, shown);
        return new Listing(
                tab,
                tabs,
                result,
                standings(result.documents(), standing, tabs, direction),
                counts(official, query, standing, tabs));
    }

    private String progressQuery() {
        HandlingProgress handling = progress.getIfAvailable();
        return handling == null ? NO_PROGRESS : handling.query();
    }

    private Map<ListTab, Long> counts(
            Official official, SearchQuery query, DocumentSearch.Within within, List<ListTab> tabs) {
        DocumentSearch.Filters filters = search.filters(official, query, within);
        StringBuilder sql = new StringBuilder("select ");
        for (ListTab t : tabs) {
            sql.append(t == tabs.get(0) ? "" : ", ")
                    .append("count(*) filter (where ")
                    .append(t.condition())
                    .append(")");
        }
        Map<ListTab, Long> counts = new EnumMap<>(ListTab.class);
        jdbc.sql(sql + " from " + within.from() + filters.sql())
                .params(filters.params())
                .query(rs -> {
                    for (int i = 0; i < tabs.size(); i++) {
                        counts.put(tabs.get(i), rs.getLong(i + 1));
                    }
                });
        return counts;
    }

    private Map<UUID, Standing> standings(
            List<DocumentView> shown, DocumentSearch.Within within, List<ListTab> tabs, Direction direction) {
        Map<UUID, Standing> standings = new HashMap<>();
        if (shown.isEmpty()) {
            return standings;
        }
        StringBuilder tab = new StringBuilder("case");
        for (ListTab t : tabs) {
            if (t != ListTab.ALL) {
                tab.append(" when ")
                        .append(t.condition())
                        .append(" then '")
                        .append(t.name())
                        .append("'");
            }
        }
        tab.append(" end");
        String deadline = direction == Direction.INCOMING ? "coalesce(h.deadline, d.due_date)" : "d.due_date";
        List<Object> params = new ArrayList<>(within.fromParams());
        params.add(shown.stream().map(DocumentView::id).toArray(UUID[]::new));
        jdbc.sql("select d.id, " + tab + " as tab, " + deadline + " as deadline from " + within.from()
                        + " where d.id = any(?)")
                .params(params)
                .query(rs -> {
                    String name = rs.getString("tab");
                    if (name != null) {
                        standings.put(
                                rs.getObject("id", UUID.class),
                                new Standing(ListTab.valueOf(name), rs.getObject("deadline", LocalDate.class)));
                    }
                });
        return standings;
    }
}
