package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.identity.CurrentUser;
import java.util.List;

/**
 * What the {@code routing} module asks of tickets once it has chosen: hand a claimed ticket to an agent, and read
 * the summaries of the tickets it ranks. Joins the caller's transaction (the claim's row lock is held until the
 * assignment commits). Routing decides who; the ticket records it (timeline entry, a new ticket opens, the change
 * event) — {@code tickets} knows nothing of routing.
 */
public interface TicketHandover {

    /** Assigns a ticket that "next" claimed for the agent (who appears as the author) and returns it as they see it. */
    TicketDetails assignClaimed(long ticketId, CurrentUser agent);

    /** Assigns a ticket that push assignment chose an agent for; the system ({@code Backstop}) is the author. */
    void assignPushed(long ticketId, long agentId, String agentName);

    /** The tickets with these ids as staff read them in lists, in the given order (unknown ids left out). */
    List<TicketSummary> summaries(List<Long> ids);
}
