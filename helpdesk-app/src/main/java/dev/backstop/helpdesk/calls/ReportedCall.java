package dev.backstop.helpdesk.calls;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.Instant;

/**
 * A call as the phone system reports it.
 *
 * @param callId   the PBX's own id of the call (reporting it again changes nothing)
 * @param kind     abandoned in the queue, or a callback the caller asked for
 * @param caller   the caller's number as the PBX gives it, in any common format
 * @param desk     the desk whose hotline was called: {@code CHANNEL} or {@code HR}
 * @param skill    the queue's skill when the IVR chose one (e.g. {@code ORDERS}), may be null
 * @param at       when the caller hung up or asked
 * @param waitedSeconds how long the caller waited in the queue, may be null
 */
public record ReportedCall(
        String callId, Kind kind, String caller, Desk desk, String skill, Instant at, Integer waitedSeconds) {

    public enum Kind {
        ABANDONED,
        CALLBACK_REQUESTED
    }
}
