/**
 * Notifications: the bell in the top bar (staff and portal users alike) and keeping requesters informed (issue 17).
 *
 * <ul>
 *   <li><b>The bell</b>: {@link dev.backstop.helpdesk.notifications.Notifications} stores a message key with its
 *   arguments per user, in the caller's transaction; {@code /notifications} shows them localized (a portal user's links
 *   go to {@code /portal/tickets/…}). Staff hear of SLA escalations and forwarded work ({@code internal.BackOfficeReturns}).</li>
 *   <li><b>Requesters kept informed</b> ({@code internal.RequesterNotices}): on received ({@code TicketOpened}),
 *   answered (a public reply of the desk, seen in {@code TicketChanged}), waiting for you and resolved
 *   ({@code TicketStateChanged} to pending-requester / resolved) the requester is told on the channel they prefer —
 *   e-mail, SMS through {@code messaging} (the gateway's answer recorded as SENT / FAILED / SKIPPED), or the portal bell
 *   only — in their language (templates {@code notifications.requester.*} in zh and en). A portal user's bell is
 *   written for every notice. Who the requester is: {@code internal.Recipients} (the portal user who opened it, or whose
 *   employee / family record / distributor-contact address the ticket names; else the requester's own e-mail address,
 *   language guessed from the ticket's text).</li>
 *   <li><b>Once per event</b>: each notice is claimed in {@code requester_notices} (V17_2), unique by ticket, event and
 *   recipient (an answer's event names its article, a state change its instant), before anything is sent; the listener
 *   is an {@code @ApplicationModuleListener}, so a retry of the same publication or another node finds the claim and
 *   sends nothing (two nodes at once: the second waits on the unique key and finds it). The claim, the bell and the
 *   send's outcome commit together, so a node that dies before the commit leaves the event to be resubmitted (the
 *   notice is then sent, perhaps a second time if the first send had gone out); a committed notice is never sent again.
 *   A send that fails is recorded as FAILED with its rendered message and tried again by
 *   {@code internal.NoticeRetries}: after {@code backstop.notifications.requesters.retry-after} (1 min) doubled per
 *   attempt, at most {@code max-attempts} (5) in all; a node claims an attempt by a conditional update of the attempt
 *   count (V17_4), so one node sends it. After the last one the notice is GAVE_UP and an internal note on the ticket
 *   tells the agent.</li>
 *   <li><b>E-mail tickets</b>: received and answered are said by {@code mail} on the mail thread (acknowledgement,
 *   threaded replies); here they get only waiting and resolved.</li>
 *   <li><b>Preferences</b>: {@link dev.backstop.helpdesk.notifications.RequesterPreferences} (table
 *   {@code requester_preferences}): the portal page {@code /portal/notifications} and
 *   {@code GET|PUT /api/v1/me/notification-preferences}; without a choice: e-mail if an address is on file, else the
 *   bell, in the account's language. {@code backstop.notifications.requesters.enabled=false} turns notices off.</li>
 * </ul>
 */
package dev.backstop.helpdesk.notifications;
