package dev.backstop.helpdesk.calls;

import java.time.Instant;

/**
 * A call's derived state changed, or another agent has it now (a transfer). Published by the call record in the
 * transaction that applied the PBX's event, so other modules can react (presence follows the phone from it; a wallboard
 * may count from it). A PBX's retry publishes nothing: only a change does.
 *
 * @param callId        the PBX's id of the call
 * @param desk          the desk of the hotline ({@code CHANNEL}, {@code EXPERT}, {@code HR}), null for no hotline
 * @param state         the state now
 * @param previous      the state before this event, null for a new call
 * @param agent         the login of the agent who has the call now (the last transfer's, else who answered), or null
 * @param previousAgent who had it before this event, when that changed (a transfer), else the same as {@code agent}
 * @param at            when it happened: the hang-up for an ended call, the answer for an answered one, else the event
 */
public record CallStateChanged(
        String callId,
        String desk,
        CallState state,
        CallState previous,
        String agent,
        String previousAgent,
        Instant at) {}
