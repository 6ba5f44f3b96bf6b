package dev.backstop.helpdesk.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A page of search hits for one reader: {@code snippet} is escaped HTML with the matches in {@code <mark>};
 * {@code facets} maps category / audience / language / desk to value counts, counted only over what the reader
 * may see. {@code total} is exact up to 1,000 matches; beyond that {@code totalExact} is false and {@code total} is a
 * lower bound (shown as "1000+"), and the facets count the best 1,000.
 */
public record SearchPage(
        String query, long total, boolean totalExact, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    public record Hit(long id, String title, String snippet, float score) {}
}
