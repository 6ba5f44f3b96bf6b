package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/**
 * One article of a ticket's timeline, with its author and time. A state change carries its from and to states,
 * a transfer between desks its from and to desks (the body is then the reason, if one was given).
 */
public record TimelineEntry(
        long id,
        ArticleKind kind,
        boolean internal,
        String body,
        TicketState fromState,
        TicketState toState,
        Desk fromDesk,
        Desk toDesk,
        Integer satisfaction,
        String authorName,
        Instant at) {
}
