package dev.backstop.helpdesk.knowledge;

import java.util.EnumSet;
import java.util.Set;

/** An article's life: written, reviewed, published for its audience, archived. Only PUBLISHED is searchable. */
public enum ArticleState {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED;

    /** The states an editor may move an article to from this one. */
    public Set<ArticleState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW, PUBLISHED, ARCHIVED);
            case IN_REVIEW -> EnumSet.of(DRAFT, PUBLISHED, ARCHIVED);
            case PUBLISHED -> EnumSet.of(DRAFT, ARCHIVED);
            case ARCHIVED -> EnumSet.of(DRAFT);
        };
    }
}
