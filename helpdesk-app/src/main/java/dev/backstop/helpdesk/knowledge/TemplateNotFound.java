package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.shared.BackstopException;

/** No reply template or call script with this id. */
public class TemplateNotFound extends BackstopException {

    public TemplateNotFound(long id) {
        super(404, "knowledge.template.error.notFound", String.valueOf(id));
    }
}
