package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketType;

/** What an editor writes; a null state means ACTIVE for a new template and "unchanged" for an edit. */
public record TemplateInput(
        TemplateKind kind,
        String name,
        Desk desk,
        String language,
        TicketType callType,
        String body,
        TemplateState state) {}
