package dev.backstop.helpdesk.routing;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.TicketDetails;
import java.util.List;
import java.util.Optional;

/**
 * Queues and value-based routing. A waiting ticket (new or open, unassigned) is ranked by a priority score
 * (segment, type, priority, time to SLA breach, waiting age; see {@link ScoreBreakdown}); "next" hands an
 * available agent with spare capacity the best ticket of a desk they serve and a skill they have. Two agents
 * asking at the same moment never get the same ticket (the row is claimed with {@code FOR UPDATE SKIP LOCKED}).
 */
public interface TicketRouting {

    /** Assigns the best waiting ticket to the agent; empty when nothing waits that they may take. */
    Optional<TicketDetails> next(CurrentUser agent);

    /**
     * Push assignment: when the ticket's queue has it switched on and the ticket still waits, assigns it to the
     * available agent of the desk (with the skill) who has the fewest open tickets under their capacity, the longest
     * available first. Returns the agent's id, or empty when the queue pulls or nobody can take it now.
     */
    Optional<Long> push(long ticketId);

    /**
     * A live channel (web chat) cannot wait for "next" to be pressed: hands the waiting ticket to the available agent of
     * its desk (with the skill) who has the fewest open tickets under their capacity, whether or not its queue pushes.
     * Joins the caller's transaction. Empty when nobody can take it now (it stays in the queue for "next").
     */
    Optional<Long> offer(long ticketId);

    /** Whether the viewer may watch the desk's queue (its page and its live stream): supervisors, admins, its agents. */
    boolean maySeeQueue(Desk desk, CurrentUser viewer);

    /** Switches push assignment on or off for a queue (admin). */
    QueueInfo setPush(String queueCode, boolean push, CurrentUser by);

    /** Every queue, by desk. */
    List<QueueInfo> queues();

    /** The waiting tickets of a desk in the order "next" would hand them out, with why (at most {@code limit}). */
    List<QueueEntry> waiting(Desk desk, CurrentUser viewer, int limit);

    /** The same, only the tickets of one HR topic (null: all): the HR desk's per-topic view of its queue. */
    List<QueueEntry> waiting(Desk desk, HrTopic topic, CurrentUser viewer, int limit);
}
