package dev.backstop.helpdesk.outreach;

/**
 * One recipient's message: QUEUED (waiting), SENDING (claimed by a sender, never sent again), SENT, SKIPPED (no
 * address for the channel, channel not configured, campaign cancelled) or FAILED (the channel refused it).
 */
public enum DeliveryStatus {
    QUEUED,
    SENDING,
    SENT,
    SKIPPED,
    FAILED
}
