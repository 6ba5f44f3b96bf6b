package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Instant;

/** One saved version of a template: who changed it when (null: shipped with the application), and what it said. */
public record TemplateVersion(
        int version,
        TemplateKind kind,
        String name,
        Desk desk,
        String language,
        TicketType callType,
        String body,
        TemplateState state,
        String changedBy,
        Instant changedAt) {}
