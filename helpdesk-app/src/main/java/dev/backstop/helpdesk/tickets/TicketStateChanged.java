package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/** Published on every state transition. */
public record TicketStateChanged(long ticketId, String key, TicketState from, TicketState to, Instant at) {}
