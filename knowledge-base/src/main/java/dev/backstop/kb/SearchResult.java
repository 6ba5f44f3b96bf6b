package dev.backstop.kb;

import java.util.List;

/** One page of hits; {@code total} counts every matching document, not just this page. */
public record SearchResult(long total, List<Hit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    static SearchResult empty() {
        return new SearchResult(0, List.of());
    }

    /**
     * A matching document. {@code snippet} is a short passage of the body as HTML: the text is
     * escaped and matched terms are wrapped in {@code <mark>…</mark>}, so the app can render it as
     * is. When nothing in the body matched (e.g. only the title did), it is the escaped start of the
     * body.
     */
    public record Hit(String id, String title, String snippet, float score) {
    }
}
