package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/** Published when a ticket is opened; SLA, routing and audit listen to it. */
public record TicketOpened(long ticketId, String key, Desk desk, TicketType type, Priority priority, Instant openedAt) {
}
