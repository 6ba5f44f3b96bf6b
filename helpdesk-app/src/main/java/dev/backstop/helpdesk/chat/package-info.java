/**
 * Web chat (issue 17): a chat window in the portal (distributors, employees, families) and in the front-line rep's
 * workspace, answered by an agent of the right desk.
 *
 * <ul>
 *   <li><b>API:</b> {@link dev.backstop.helpdesk.chat.WebChat} (start, leave a message, post, typing, close, the
 *   participants' views), {@link dev.backstop.helpdesk.chat.ChatView}, {@link dev.backstop.helpdesk.chat.ChatMessage};
 *   pages {@code /chat} (requester), {@code /chat/{id}} (both sides), {@code /workspace/chats} (the agent's chats).</li>
 *   <li><b>A chat is a ticket's live side.</b> Starting one opens a ticket ({@code Channel.CHAT}) at the requester's
 *   desk (distributor → channel desk, employee / family → HR desk, front-line rep → expert desk) through
 *   {@code tickets.TicketManagement}: it waits in the same queue with the same priority score as calls and tickets,
 *   {@code routing.TicketRouting.offer} hands it at once to the least-loaded available agent of the desk under their
 *   capacity (a live chat's ticket counts against capacity like any assigned ticket; once the chat has ended its ticket
 *   stays with the agent until resolved but no longer takes a place: {@code routing.internal.Workload}), else it waits for "next" or for
 *   the next pass of {@code internal.ChatSweep}. A chat started about one of the requester's open tickets is that
 *   ticket's instead (it goes to its assignee, or is offered like a new one). When the chat ends, its transcript becomes
 *   a public article of the ticket, in the same transaction.</li>
 *   <li><b>Service hours:</b> the desk's business calendar ({@code sla.SlaPolicies.serviceHours}), or the calendar
 *   {@code backstop.chat.calendar} (the embedded demo uses {@code 24X7} so that a chat can be tried at any hour).
 *   Outside them the window offers to leave a message, which opens an ordinary ticket.</li>
 *   <li><b>Transport</b> (ADR "web chat over SSE and POST"): each participant holds a server-sent-events stream
 *   ({@code internal.ChatStreams}) and posts with plain form POSTs. Messages and typing are stored in
 *   {@code chat_messages} / {@code chat_conversations}; the node that handles a POST pushes to its own streams after
 *   the commit, and every node with open streams reads what changed in the last {@code backstop.chat.lookback} every
 *   {@code backstop.chat.poll} (default 200 ms), so several nodes share nothing but PostgreSQL. A stream holds no
 *   database connection; every request uses one.</li>
 *   <li><b>Leaving:</b> a node with the requester's stream open renews {@code requester_seen_at}; a chat whose requester
 *   has neither a stream nor posted for {@code backstop.chat.idle-close} (10 min) is closed by the ShedLock-scheduled
 *   {@code internal.ChatSweep}, transcript kept on the ticket.</li>
 * </ul>
 *
 * <p><b>Where to change what.</b> Idle time, poll interval, calendar: {@code backstop.chat.*}. Which desk a requester
 * chats with: {@code internal.ChatService.deskOf}. Who may take a chat: the routing module's push rules.
 */
package dev.backstop.helpdesk.chat;
