/**
 * SLA policies and business calendars (opening hours, public holidays, make-up working days 调休), the tickets' SLA
 * clocks and their escalations. Depends on {@code tickets}; {@code tickets} knows nothing of it.
 *
 * <ul>
 *   <li><b>Policies</b> ({@link dev.backstop.helpdesk.sla.SlaPolicies}, {@code sla_policies}): desk × type × priority ×
 *   segment → first response, update, resolution, at-risk share, calendar; the first active one by position whose
 *   criteria all match applies. Admin page and API; seeded by the V6_1 migration.</li>
 *   <li><b>Clocks</b> ({@code internal.SlaClock}, implementing the port {@code tickets.TicketClocks}): the ticket keeps
 *   its due times on its row and asks this module, inside its own transaction, which policy applies and how business
 *   time counts (start, next update due, resume after a pause, back-office and callback deadlines, the staff view).
 *   A port, not an event: the due times are part of the ticket's transaction and response (ADR "SLA and routing
 *   listen to tickets").</li>
 *   <li><b>Escalations</b> ({@code internal.SlaEscalations}, every {@code backstop.sla.escalation.interval}, ShedLock):
 *   at risk → the assignee, breached → the supervisors (their escalated list), further levels
 *   ({@code backstop.sla.escalation.further-after}) → {@code further-notify-role}; overdue back-office work and
 *   callbacks → supervisors. Exactly once across nodes by the unique key of {@code ticket_escalations} (ADR 0005).</li>
 *   <li><b>Voice service level</b> ({@link dev.backstop.helpdesk.sla.VoiceServiceLevels}, targets in
 *   {@code voice_service_targets}, V16_3): the share of a desk's inbound calls answered within its target time, per hour
 *   and day in the desk's zone, computed from the {@code calls} table (read-only, never stored); the counting rule is in
 *   that class. {@code GET /api/v1/sla/voice-service-level} (supervisors), targets on {@code /admin/sla-policies} and
 *   {@code /api/v1/admin/voice-service-targets}. {@link dev.backstop.helpdesk.sla.SlaWatches}: tickets at risk /
 *   breached and callbacks due now, for the wallboard.</li>
 * </ul>
 *
 * <p><b>Where to change what.</b> A target of a kind of ticket (e.g. the complaint SLA: first response, resolution):
 * its row in {@code sla_policies} (admin page {@code /admin/sla-policies}; V6_1 seeds it). The back-office deadline of
 * the complaint loop: {@code backstop.sla.back-office-within} (48 h; a channel request kind may ask for its own,
 * {@code channel.RequestKind}); the callback after the back office answered: {@code backstop.sla.callback-within}
 * (4 h). Holidays: {@code /admin/calendars} or the {@code holiday-calendars} import. Escalation levels:
 * {@code backstop.sla.escalation.*}.
 */
package dev.backstop.helpdesk.sla;
