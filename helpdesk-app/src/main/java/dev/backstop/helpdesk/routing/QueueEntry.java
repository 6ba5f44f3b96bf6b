package dev.backstop.helpdesk.routing;

import dev.backstop.helpdesk.tickets.TicketSummary;

/** One waiting ticket in a queue, with its rank (1 = next) and the parts of its priority score. */
public record QueueEntry(int rank, TicketSummary ticket, String skill, ScoreBreakdown score) {}
