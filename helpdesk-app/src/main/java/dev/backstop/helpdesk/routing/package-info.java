/**
 * Queues, value-based routing and push assignment, on top of {@code tickets} (which knows nothing of this module).
 *
 * <ul>
 *   <li><b>API:</b> {@link dev.backstop.helpdesk.routing.TicketRouting} ("next", push, the queues and the
 *   supervisor's ranked view), {@link dev.backstop.helpdesk.routing.QueueEntry},
 *   {@link dev.backstop.helpdesk.routing.QueueInfo}, {@link dev.backstop.helpdesk.routing.ScoreBreakdown}, the event
 *   {@link dev.backstop.helpdesk.routing.TicketRouted} and {@link dev.backstop.helpdesk.routing.RoutingRefused}; the
 *   HTTP API {@code /api/v1/routing/**}.</li>
 *   <li><b>The score</b> ({@code internal.PriorityScores}): segment + type + priority + time to the SLA due time +
 *   waiting age, step functions. Its weights are written once, in Java; the SQL of the supervisor's view is built
 *   from the same tables ({@code PriorityScoresTests} checks every step boundary against the in-memory ranking).</li>
 *   <li><b>"Next"</b> ({@code internal.TicketRouter}, {@code internal.Claims}): ranks the waiting tickets held in
 *   memory on each node ({@code internal.WaitingTickets}, ADR 0012), then claims the best one still free row by row
 *   with {@code FOR UPDATE SKIP LOCKED} (ADR 0006) and hands it over through {@code tickets.TicketHandover} in the
 *   same transaction. The decision is timed ({@code backstop.routing.decision}; target p99 ≤ 2 ms, see
 *   {@code benchmarks/routing}).</li>
 *   <li><b>Listening to tickets:</b> {@code WaitingTickets} takes {@code TicketOpened}, {@code TicketChanged},
 *   {@code TicketStateChanged} as hints after the commit ({@code @EventListener} + {@code AfterCommit}: a lost hint
 *   costs nothing, the background look and the reload catch up); {@code PushAssignment} takes {@code TicketOpened}
 *   {@code BEFORE_COMMIT} so a pushed ticket is never committed unassigned and the request keeps its one connection
 *   (ADR 0014, ADR "SLA and routing listen to tickets").</li>
 *   <li><b>Push assignment</b> ({@code internal.Queues}): a queue ({@code ticket_queues}, desk × skill) switched to
 *   push hands a new ticket to the least-loaded available agent with the role and the skill. What takes a place of an
 *   agent's capacity ({@code internal.Workload}, used by "next" and push): their new / open tickets, except the ticket
 *   of a web chat that has ended.</li>
 * </ul>
 */
package dev.backstop.helpdesk.routing;
