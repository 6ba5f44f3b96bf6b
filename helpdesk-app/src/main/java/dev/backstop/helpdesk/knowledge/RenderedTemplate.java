package dev.backstop.helpdesk.knowledge;

import java.util.List;

/**
 * A template filled from one ticket. A variable without a value is left as a visible marker
 * ({@code 【未填写：订单号】} / {@code [missing: order no.]}), never blank, and named in {@code missing}.
 *
 * @param text    plain text, for the reply box
 * @param html    the same rendered from Markdown, safe to put into a page (scripts show their steps this way)
 * @param missing the variables that had no value on this ticket
 */
public record RenderedTemplate(
        long templateId,
        long ticketId,
        TemplateKind kind,
        String name,
        String language,
        String text,
        String html,
        List<String> missing) {

    public RenderedTemplate {
        missing = List.copyOf(missing);
    }
}
