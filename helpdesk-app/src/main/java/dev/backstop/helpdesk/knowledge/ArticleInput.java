package dev.backstop.helpdesk.knowledge;

import java.time.LocalDate;
import java.util.List;

/** What an editor writes: the fields of an article, as the API and the editor page send them. */
public record ArticleInput(
        String title,
        String body,
        String language,
        Audience audience,
        String category,
        String desk,
        List<String> tags,
        ArticleState state,
        LocalDate reviewBy) {

    public ArticleInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
