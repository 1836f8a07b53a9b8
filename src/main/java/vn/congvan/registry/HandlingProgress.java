package vn.congvan.registry;

/**
 * How far the handling of each incoming document has come (tiến độ giải quyết), for the registry's
 * list of incoming documents and its tabs: not yet assigned, in handling, overdue, done. The module
 * that handles arrivals implements it with a query over its own tables; the registry joins that query
 * to its documents, so that each tab is filtered, paged and counted by the database (ADR 0018).
 */
public interface HandlingProgress {

    /**
     * A select without parameters of one row per incoming document whose handling has begun, with the
     * columns {@code document_id uuid}, {@code is_assigned boolean} (a lead handles it, not yet done),
     * {@code is_closed boolean} (done, or refused on arrival) and {@code deadline date} (the handling's
     * deadline, null when none was set).
     */
    String query();
}
