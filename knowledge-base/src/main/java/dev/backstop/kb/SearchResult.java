package dev.backstop.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of hits; {@code total} counts the matching documents, not just this page: exactly when {@code exact}, else
 * it is a lower bound (more than {@link KnowledgeBase#COUNT_LIMIT} matched). {@code facets} maps each dimension
 * ({@code category}, {@code audience}, {@code language}, {@code desk}) to its values and their counts, most frequent
 * first, over the documents the query matches within the caller's audiences (before the language / category / desk
 * narrowing) — over the best {@link KnowledgeBase#FACET_SAMPLE} of them when more than {@link KnowledgeBase#COUNT_LIMIT}
 * matched.
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, boolean exact) {

    public SearchResult {
        hits = List.copyOf(hits);
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        facets.forEach((dimension, counts) ->
                copy.put(dimension, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
        facets = java.util.Collections.unmodifiableMap(copy);
    }

    public SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {
        this(total, hits, facets, true);
    }

    public SearchResult(long total, List<Hit> hits) {
        this(total, hits, Map.of());
    }

    static SearchResult empty() {
        return new SearchResult(0, List.of(), Map.of());
    }

    /**
     * A matching document. {@code snippet} is a short passage of the body as HTML: the text is
     * escaped and matched terms are wrapped in {@code <mark>…</mark>}, so the app can render it as
     * is. When nothing in the body matched (e.g. only the title did), it is the escaped start of the
     * body.
     */
    public record Hit(String id, String title, String snippet, float score) {}
}
