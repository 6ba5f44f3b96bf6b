package dev.backstop.kb;

import java.util.List;
import java.util.Objects;

/**
 * An article of the knowledge base as the library indexes it. {@code id} is the key: indexing a
 * document with an existing id replaces it. {@code audience} is a code chosen by the app (e.g.
 * {@code frontline}, {@code employee}); searches may be restricted to a set of audiences.
 */
public record KbDocument(String id, String title, String body, String language, String audience,
        String category, List<String> tags) {

    public KbDocument {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        title = Objects.requireNonNullElse(title, "");
        body = Objects.requireNonNullElse(body, "");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
