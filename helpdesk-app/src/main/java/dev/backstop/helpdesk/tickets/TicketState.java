package dev.backstop.helpdesk.tickets;

import java.util.EnumSet;
import java.util.Set;

/**
 * The ticket state machine: new → open → pending requester / pending back office → resolved → closed,
 * and reopen. {@link #canMoveTo(TicketState)} is the single source of truth for legal transitions.
 */
public enum TicketState {
    NEW,
    OPEN,
    PENDING_REQUESTER,
    PENDING_BACK_OFFICE,
    RESOLVED,
    CLOSED;

    /** This state in the requester's words (the portal shows nothing finer). */
    public RequesterStates forRequester() {
        return RequesterStates.of(this);
    }

    public Set<TicketState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING_REQUESTER, PENDING_BACK_OFFICE, RESOLVED);
            case OPEN -> EnumSet.of(PENDING_REQUESTER, PENDING_BACK_OFFICE, RESOLVED);
            case PENDING_REQUESTER, PENDING_BACK_OFFICE -> EnumSet.of(OPEN, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, OPEN);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(TicketState target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return this == CLOSED;
    }

    /** Open in the everyday sense: someone still has to act. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }
}
