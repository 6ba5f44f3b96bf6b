package dev.backstop.helpdesk.routing;

/**
 * "Next" handed a ticket to an agent.
 *
 * @param decisionNanos the routing decision — bringing the waiting tickets up to date, ranking them and claiming the
 *     best one in the database — without the assignment that follows it (also the timer {@code backstop.routing.decision})
 * @param rankingNanos of that, the choice alone: this node's own changes read back, the waiting tickets ranked
 */
public record TicketRouted(long ticketId, long agentId, long decisionNanos, long rankingNanos) {}
