package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.shared.BackstopException;

/** A template that cannot be saved or used as asked, with the reason for the person who tried. */
public class TemplateRefused extends BackstopException {

    public TemplateRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }
}
