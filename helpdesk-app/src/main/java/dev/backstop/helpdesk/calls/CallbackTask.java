package dev.backstop.helpdesk.calls;

import java.time.Instant;

/**
 * The callback task a reported call became.
 *
 * @param created    true when this report opened the task; false when it joined an open task of the same caller or
 *                   was a call already reported
 * @param callerKnown the caller's number belongs to a distributor contact (channel desk), or to an employee or a family
 *     member (HR desk)
 * @param segment    the caller's segment (VIP, KEY …) as routing ranks it, null when unknown
 * @param due        when the desk must have called back (the ticket's first-response due time)
 */
public record CallbackTask(
        long ticketId, String ticketKey, boolean created, boolean callerKnown, String segment, Instant due) {}
