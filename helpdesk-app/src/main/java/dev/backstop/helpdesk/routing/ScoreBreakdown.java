package dev.backstop.helpdesk.routing;

/**
 * Why a waiting ticket is where it is in the queue: the points from the requester's segment, the ticket type
 * (complaints weigh more), its priority, how close its SLA due time is, and how long it has waited.
 */
public record ScoreBreakdown(int segment, int type, int priority, int sla, int waiting) {

    public int total() {
        return segment + type + priority + sla + waiting;
    }
}
