package dev.backstop.helpdesk.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A page of search hits for one reader: {@code snippet} is escaped HTML with the matches in {@code <mark>};
 * {@code facets} maps category / audience / language / desk to value counts, counted only over what the reader
 * may see.
 */
public record SearchPage(String query, long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    public record Hit(long id, String title, String snippet, float score) {
    }
}
