package dev.backstop.kb;

import java.util.List;
import java.util.Objects;

/**
 * An article of the knowledge base as the library indexes it. {@code id} is the key: indexing a
 * document with an existing id replaces it. {@code audience} is a code chosen by the app (e.g.
 * {@code FRONTLINE}, {@code EMPLOYEES}); searches may be restricted to a set of audiences.
 * {@code language}, {@code audience}, {@code category} and {@code desk} are facets and filters.
 * {@code revision} is the owner's change counter for this document (see
 * {@link KnowledgeBase#revisionOf(String)}); 0 when the owner does not track revisions.
 */
public record KbDocument(
        String id,
        String title,
        String body,
        String language,
        String audience,
        String category,
        String desk,
        List<String> tags,
        long revision) {

    public KbDocument {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative: " + revision);
        }
        title = Objects.requireNonNullElse(title, "");
        body = Objects.requireNonNullElse(body, "");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A document without a desk or a revision. */
    public KbDocument(
            String id,
            String title,
            String body,
            String language,
            String audience,
            String category,
            List<String> tags) {
        this(id, title, body, language, audience, category, null, tags, 0);
    }
}
