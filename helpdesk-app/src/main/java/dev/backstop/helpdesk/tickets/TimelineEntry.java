package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/**
 * One article of a ticket's timeline, with its author and time. A state change carries its from and to states,
 * a transfer between desks its from and to desks (the body is then the reason, if one was given).
 *
 * @param authorId      the author's user id, shown to staff only (null for portal viewers and system entries)
 * @param fromRequester written by the party the ticket is for: the rep who asked the expert desk, or a portal user;
 *                      false for the staff who work the ticket (their replies are the answers)
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
        Long authorId,
        boolean fromRequester,
        Instant at) {}
