package vn.congvan.registry.search;

import java.util.List;
import vn.congvan.registry.DocumentView;

/** One page of documents found, newest first, and whether there is a next page. */
public record SearchResult(List<DocumentView> documents, int page, int size, boolean hasNext) {}
