package dev.backstop.helpdesk.tickets;

/**
 * "Next" handed a ticket to an agent. {@code decisionNanos} is the routing decision alone — bringing the waiting
 * tickets up to date, ranking them and claiming the best one — without the assignment that follows it (also exported
 * as the timer {@code backstop.routing.decision}).
 */
public record TicketRouted(long ticketId, long agentId, long decisionNanos) {
}
