package dev.backstop.kb;

import java.util.Objects;
import java.util.Set;

/**
 * What to look for. {@code text} is plain user input (no query syntax: operators and quotes are
 * just characters). An empty {@code audiences} set means "no audience restriction"; otherwise only
 * documents whose audience is in the set are returned, counted, faceted and suggested.
 * {@code language}, {@code category} and {@code desk} narrow the hits when not null (facet counts
 * stay those of the whole query, so a page can offer the other values). {@code offset} and
 * {@code limit} page the hits.
 */
public record KbQuery(
        String text, Set<String> audiences, String language, String category, String desk, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public KbQuery {
        text = Objects.requireNonNullElse(text, "");
        audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
        language = blankToNull(language);
        category = blankToNull(category);
        desk = blankToNull(desk);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /** The first {@value #DEFAULT_LIMIT} hits for the text, for every audience. */
    public static KbQuery of(String text) {
        return new KbQuery(text, Set.of(), null, null, null, DEFAULT_LIMIT, 0);
    }

    public KbQuery forAudiences(Set<String> audiences) {
        return new KbQuery(text, audiences, language, category, desk, limit, offset);
    }

    public KbQuery inLanguage(String language) {
        return new KbQuery(text, audiences, language, category, desk, limit, offset);
    }

    public KbQuery inCategory(String category) {
        return new KbQuery(text, audiences, language, category, desk, limit, offset);
    }

    public KbQuery forDesk(String desk) {
        return new KbQuery(text, audiences, language, category, desk, limit, offset);
    }

    public KbQuery page(int offset, int limit) {
        return new KbQuery(text, audiences, language, category, desk, limit, offset);
    }

    boolean narrowed() {
        return language != null || category != null || desk != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
