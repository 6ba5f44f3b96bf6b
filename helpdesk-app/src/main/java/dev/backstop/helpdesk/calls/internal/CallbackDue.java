package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.Instant;

/**
 * An inbound call at the channel or HR line ended abandoned or missed and is owed a callback task. Published in the
 * transaction of the PBX's hang-up; {@link CallbackTaskOpening} opens the task after the commit, in a transaction of its
 * own, and Spring Modulith's event publication registry keeps the event until that succeeded (a node lost meanwhile:
 * another node resubmits it, {@code shared.UnfinishedEvents}). Public only so the registry can read it back.
 *
 * @param callId      the PBX's id of the call
 * @param from        the caller's number
 * @param desk        the desk of the hotline called
 * @param ivrChoice   what the caller chose in the PBX's menu, if anything
 * @param endedAt     when the caller hung up
 * @param waitSeconds how long they waited, if known
 * @param pbxUser     the staff user the PBX acts as (who reports the call)
 */
public record CallbackDue(
        String callId, String from, Desk desk, String ivrChoice, Instant endedAt, Integer waitSeconds, long pbxUser) {}
