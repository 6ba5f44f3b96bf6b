package dev.backstop.helpdesk.tickets;

/**
 * A ticket's state in the requester's words: the desk's internal steps (new, open, with a back-office department)
 * are all "in progress" to the person who asked; only "waiting for your reply" and "resolved" / "closed" ask
 * something of them or end it.
 */
public enum RequesterStates {
    IN_PROGRESS,
    WAITING_FOR_YOU,
    RESOLVED,
    CLOSED;

    public static RequesterStates of(TicketState state) {
        return switch (state) {
            case NEW, OPEN, PENDING_BACK_OFFICE -> IN_PROGRESS;
            case PENDING_REQUESTER -> WAITING_FOR_YOU;
            case RESOLVED -> RESOLVED;
            case CLOSED -> CLOSED;
        };
    }
}
