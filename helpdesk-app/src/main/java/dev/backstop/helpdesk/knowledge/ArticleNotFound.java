package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.shared.BackstopException;

/** No such article, or not one this reader may see: the same 404 either way. */
public class ArticleNotFound extends BackstopException {

    public ArticleNotFound(long id) {
        super(404, "knowledge.error.notFound", id);
    }
}
