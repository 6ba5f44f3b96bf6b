package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.tickets.Desk;

/** Narrows the list of templates; every part may be null (= any). */
public record TemplateFilter(TemplateKind kind, Desk desk, String language, TemplateState state) {

    public static TemplateFilter any() {
        return new TemplateFilter(null, null, null, null);
    }
}
