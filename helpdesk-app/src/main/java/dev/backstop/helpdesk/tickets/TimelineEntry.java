package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/** One article of a ticket's timeline, with its author and time. */
public record TimelineEntry(
        long id,
        ArticleKind kind,
        boolean internal,
        String body,
        TicketState fromState,
        TicketState toState,
        String authorName,
        Instant at) {
}
