package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/**
 * Published when a ticket is opened. Routing listens to it (its index after the commit; push assignment
 * {@code BEFORE_COMMIT}, in the opening transaction), as do the live queue pages and any other module that reacts to
 * new tickets; {@code tickets} knows none of them. The SLA clock has already started when this is published: its due
 * times are part of the ticket, computed through the {@link TicketClocks} port that the {@code sla} module provides.
 */
public record TicketOpened(
        long ticketId, String key, Desk desk, TicketType type, Priority priority, Instant openedAt) {}
