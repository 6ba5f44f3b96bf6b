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
 * never goes backwards. The hotline called ({@code to}, table {@code hotlines}) gives the desk; the calling number gives
 * the party (a distributor contact; at the HR line an employee or family member). {@code GET /api/v1/calls/{callId}}
 * serves it to the staff of its desk.
 * <p>
 * <b>Callbacks.</b> A call abandoned in the queue, or a caller who asked to be called back, becomes a {@code CALLBACK}
 * ticket in the desk's queue with its due time (the SLA policy of callbacks), the caller identified by number. Inbound
 * CTI calls that end ABANDONED or MISSED at the channel or HR line go the same way; the older
 * {@code POST /api/v1/calls/missed} keeps working and writes a call record too. The same call reported twice, or the
 * same caller calling again before anyone called back, never makes a second task.
 * <p>
 * <b>Screen pop.</b> The agent's workspace page holds an SSE stream ({@code /workspace/calls/events}); a call that
 * rings for them (their extension or name in {@code user[]}, or every agent of the hotline's desk) or that they answer
 * is pushed at the commit, and found by other nodes by polling {@code calls.updated_at} (ADR 0015's way for live
 * pages). The pop shows the party and their open tickets (the most recent preselected) or "unknown number" with a
 * quick create; putting the call on a ticket writes it on the timeline ({@code TicketManagement.logCall}), and its end
 * (talk time, cause, recording) follows when the PBX reports the hang-up.
 * <p>
 * <b>Wallboard</b> ({@code /workspace/wallboard[?desk=…]}, SUPERVISOR and ADMIN; {@code GET /api/v1/wallboard}): calls
 * waiting and the longest wait, the desk's agents by presence (an agent on an answered call is on call), answered and
 * abandoned today, the voice service level today against the target ({@code sla.VoiceServiceLevels}), tickets at risk
 * and callbacks due ({@code sla.SlaWatches}). {@code internal.WallboardStreams} recomputes each open board from the
 * database every {@code backstop.calls.wallboard.interval} (2 s) and sends it over SSE; nothing that matters is kept on
 * the node and no stream holds a database connection. Charts: Apache ECharts from its webjar.
 */
package dev.backstop.helpdesk.calls;
