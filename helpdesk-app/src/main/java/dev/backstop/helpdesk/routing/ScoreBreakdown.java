package dev.backstop.helpdesk.routing;

/**
 * Why a waiting ticket is where it is in the queue: the points from the requester's segment, the ticket type
 * (complaints weigh more), its priority, how close its SLA due time is, how long it has waited, and — the reason a
 * hardship request (illness, schooling, an emergency in a family whose member is posted away) is answered first —
 * {@code hardship}, more than all the other parts can ever add up to.
 */
public record ScoreBreakdown(int segment, int type, int priority, int sla, int waiting, int hardship) {

    public ScoreBreakdown(int segment, int type, int priority, int sla, int waiting) {
        this(segment, type, priority, sla, waiting, 0);
    }

    public int total() {
        return segment + type + priority + sla + waiting + hardship;
    }

    /** Whether the ticket is first because it is a hardship request (the page names that reason). */
    public boolean hardshipFirst() {
        return hardship > 0;
    }
}
