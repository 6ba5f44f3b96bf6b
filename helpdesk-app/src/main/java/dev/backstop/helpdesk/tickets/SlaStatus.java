package dev.backstop.helpdesk.tickets;

/**
 * Where a ticket stands against its SLA. {@code RUNNING}, {@code AT_RISK} and {@code BREACHED} while it is
 * worked; {@code PAUSED} while it waits on the requester; {@code MET} or {@code MISSED} once resolved.
 */
public enum SlaStatus {
    RUNNING,
    AT_RISK,
    BREACHED,
    PAUSED,
    MET,
    MISSED
}
