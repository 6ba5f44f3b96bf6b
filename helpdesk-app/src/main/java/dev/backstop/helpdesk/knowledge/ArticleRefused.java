package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.shared.BackstopException;

/** An edit, vote or state change that cannot be made, with the reason for the person who tried. */
public class ArticleRefused extends BackstopException {

    public ArticleRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }
}
