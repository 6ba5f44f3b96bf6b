package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Instant;

/**
 * A reply template or call script as saved: the body holds {@code {{variables}}} filled from a ticket when rendered.
 *
 * @param callType      the ticket type this is meant for (scripts: the call type), or null
 * @param updatedByName who saved the current version; null for the templates shipped with the application
 */
public record ReplyTemplate(
        long id,
        TemplateKind kind,
        String name,
        Desk desk,
        String language,
        TicketType callType,
        String body,
        TemplateState state,
        int version,
        String updatedByName,
        Instant updatedAt,
        Instant createdAt) {}
