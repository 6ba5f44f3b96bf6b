/**
 * The ticket: its aggregate, state machine, keys per desk, timeline, attachments, visibility scope and the complaint
 * loop's steps — and nothing that reacts to it. {@code tickets} imports none of {@code sla}, {@code routing},
 * {@code messaging}, {@code notifications}, {@code surveys} ({@code ModularityTests} checks it; ADR "SLA and routing
 * listen to tickets").
 *
 * <ul>
 *   <li><b>API:</b> {@link dev.backstop.helpdesk.tickets.TicketManagement} (open, list, get, reply, note, call, assign,
 *   transfer, back-office answer, callback, state, attachments), {@link dev.backstop.helpdesk.tickets.TicketFeed}
 *   (changes for derived indexes), the value records ({@code OpenTicket}, {@code TicketDetails}, {@code TicketSummary}
 *   …), the events {@code TicketOpened}, {@code TicketChanged}, {@code TicketStateChanged},
 *   {@code TicketAnsweredByBackOffice}; {@code /api/v1/tickets}.</li>
 *   <li><b>Retention:</b> {@link dev.backstop.helpdesk.tickets.TicketRetention#purgeClosed} deletes closed tickets of a
 *   desk resolved before a cut-off, one batch in the caller's transaction; it first publishes
 *   {@link dev.backstop.helpdesk.tickets.TicketsPurging} synchronously, and every module with a foreign key to
 *   {@code tickets} deletes or unlinks its rows in a plain {@code @EventListener} ({@code HrTicketRetentionTests} fails
 *   on a foreign key no listener knows). ADR "purging tickets".</li>
 *   <li><b>Ports others provide or use:</b> {@link dev.backstop.helpdesk.tickets.TicketClocks} (implemented by
 *   {@code sla}: which SLA policy applies, business-time arithmetic; called inside the ticket's transaction because
 *   the due times are part of the ticket) and {@link dev.backstop.helpdesk.tickets.TicketHandover} (used by
 *   {@code routing} to record the assignment it chose).</li>
 *   <li><b>The aggregate</b> ({@code internal.TicketEntity}): private fields, intent methods that guard themselves
 *   ({@code open}, {@code reply}, {@code note}, {@code logCall}, {@code assignTo}, {@code transferToDesk},
 *   {@code transferToDepartment}, {@code answerFromBackOffice}, {@code recordCallback}, {@code changeState};
 *   illegal moves → {@code IllegalTicketTransition} / {@code LoopRefused}, a stale version →
 *   {@code TicketChangedConcurrently}); it registers its events and the repository's {@code save} publishes them.
 *   {@code internal.TicketService} loads within the caller's scope and checks who may do what;
 *   {@code internal.TicketOpening} opens; {@code internal.TicketViews} reads.</li>
 *   <li><b>The complaint loop:</b> transfer to a department (deadline from {@code TicketClocks.backOfficeDue}) →
 *   back-office answer (callback due from {@code TicketClocks.callbackDue}) → callback with satisfaction; a complaint
 *   resolves only at satisfaction ≥ {@code TicketEntity.SATISFIED} (3).</li>
 * </ul>
 */
package dev.backstop.helpdesk.tickets;
