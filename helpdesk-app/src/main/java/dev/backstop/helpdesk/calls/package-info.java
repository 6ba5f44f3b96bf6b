/**
 * The phone (PBX / CTI).
 * <p>
 * <b>Call events in.</b> A PBX posts its events to {@code POST /api/v1/cti/{token}} in Zammad's Generic CTI format,
 * unchanged ({@code newCall}, {@code answer}, {@code hangup} with {@code from}, {@code to}, {@code direction},
 * {@code callId}, {@code user[]}, {@code queue}, {@code cause}, {@code answeringNumber}; form-encoded, multipart or
 * JSON), plus our own {@code queued} (with {@code ivrChoice}), {@code recordingAvailable} (a reference the PBX serves:
 * we never store audio) and {@code abandoned} (with {@code waitSeconds}); {@code at} may date any event. The token in
 * the address is the PBX's credential: one per PBX, SHA-256 hashed at rest, managed by admins
 * ({@code /admin/telephony}, {@code /api/v1/admin/telephony/**}); an unknown token is 404. The answer to
 * {@code newCall} steers the PBX: {@code reject} for a blocked number, {@code dial} the extension of a VIP / key
 * distributor's account manager when that agent is AVAILABLE (ticket routing's rule), else {@code {}}.
 * <p>
 * <b>The call record</b> ({@code calls}, {@code internal.CallLog}): each (callId, event) is taken once
 * ({@code call_events}); an event only fills what is still empty and the state (RINGING, ANSWERED, ENDED, ABANDONED,
 * MISSED) is derived from what is filled, so late, repeated or out-of-order events end in the same record and a call
 * never goes backwards. {@code held}, {@code resumed} and {@code transferred} (with {@code transferTo}) may happen
 * several times: each counts once under its {@code eventId} (else its {@code at}) in {@code call_steps}
 * ({@code internal.CallSteps}), and the hold
 * count and time, on-hold, transfers and the agent who has the call are derived from all of them in the order they
 * happened. The hotline called ({@code to}, table {@code hotlines}) gives the desk; the calling number gives
 * the party (a front-line rep by the phone number admins gave them, or a distributor contact; at the HR line an
 * employee or family member, and the pop then loads HR's own employee panel, masked as the agent's role requires). {@code GET /api/v1/calls/{callId}}
 * serves it to the staff of its desk.
 * <p>
 * <b>Published.</b> {@link dev.backstop.helpdesk.calls.CallStateChanged} whenever a call's state or its agent changes
 * (in the event's transaction). From it, <b>presence follows the phone</b> ({@code internal.PhonePresence}): ON_CALL
 * while answered, AFTER_CALL_WORK from the hang-up for {@code backstop.calls.after-call-work} (30 s), then AVAILABLE
 * (a conditional update every 2 s on any node; what the agent chose meanwhile is kept).
 * <p>
 * <b>Callbacks.</b> A call abandoned in the queue, or a caller who asked to be called back, becomes a {@code CALLBACK}
 * ticket in the desk's queue with its due time (the SLA policy of callbacks), the caller identified by number. Inbound
 * CTI calls that end ABANDONED or MISSED at the channel or HR line go the same way; the older
 * {@code POST /api/v1/calls/missed} keeps working and writes a call record too. The same call reported twice, or the
 * same caller calling again before anyone called back, never makes a second task.
 * <p>
 * <b>Screen pop.</b> The agent's workspace page holds an SSE stream ({@code /workspace/calls/events}); a call that
 * rings for them (their extension or name in {@code user[]}, or every agent of the hotline's desk) or that they answer
 * is pushed to this node's streams right after the commit ({@code internal.ScreenPops.changed}, called in the
 * changing transaction); other nodes hear it through PostgreSQL {@code NOTIFY} sent in that transaction
 * ({@code internal.PopNotifications}, one connection of its own outside the pool), and a cursor poll of
 * {@code (call_id, updated_at)} is the safety net (every 500 ms on H2 or while the listener is down, else every 5 s).
 * The event ({@code {"callId","state","desk"}}) is serialized once per change and the same bytes go to every stream
 * (ADR "screen-pop push"). The pop shows the party and their open tickets (the most recent preselected) or "unknown number" with a
 * quick create; putting the call on a ticket writes it on the timeline ({@code TicketManagement.logCall}), and its end
 * (talk time, cause, recording) follows when the PBX reports the hang-up.
 * <p>
 * <b>A ticket's calls</b>: {@code GET /api/v1/tickets/{id}/calls} (whoever may see the ticket) and a panel on the
 * ticket's page ({@code /workspace/calls/tickets/{id}}, loaded by htmx) with a play link to the PBX's URL where it serves
 * a recording. <b>Caller log</b>: {@code GET /api/v1/calls/log?scope=mine|desk} and {@code /workspace/calls}
 * (answered, missed with cause, abandoned with wait) with "call back": {@code internal.ClickToDial} posts
 * {@code {event: dial, callId, from: extension, to, user}} to the PBX's click-to-dial URL when one is set
 * ({@code PUT /api/v1/admin/telephony/pbx/{id}/click-to-dial}; the HTTP call holds no connection), else answers a
 * {@code tel:} link and logs the call as placed by hand. <b>The callback call closes its task</b>: when an outbound
 * call is answered, every open callback task of that number is resolved with the call on its timeline
 * ({@code internal.CallbackClosing}).
 * <b>Wallboard</b> ({@code /workspace/wallboard[?desk=…]}, SUPERVISOR and ADMIN; {@code GET /api/v1/wallboard}): calls
 * waiting and the longest wait, the desk's agents by presence (an agent on an answered call is on call), answered and
 * abandoned today, the voice service level today against the target ({@code sla.VoiceServiceLevels}), tickets at risk
 * and callbacks due ({@code sla.SlaWatches}). {@code internal.WallboardStreams} recomputes each open board from the
 * database every {@code backstop.calls.wallboard.interval} (2 s) and sends it over SSE; nothing that matters is kept on
 * the node and no stream holds a database connection. Charts: Apache ECharts from its webjar.
 */
package dev.backstop.helpdesk.calls;
