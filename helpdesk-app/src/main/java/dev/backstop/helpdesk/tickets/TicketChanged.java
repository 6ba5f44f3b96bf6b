package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/** Something about a ticket changed (state, assignee, desk, timeline): queue views refresh on it. */
public record TicketChanged(long id, String key, Desk desk, Instant at) {}
