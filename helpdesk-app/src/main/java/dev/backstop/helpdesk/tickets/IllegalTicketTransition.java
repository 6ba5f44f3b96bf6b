package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.shared.BackstopException;

/** The state machine does not allow this move (409); arguments: ticket key, from, to. */
public class IllegalTicketTransition extends BackstopException {

    public IllegalTicketTransition(String key, TicketState from, TicketState to) {
        super(409, "tickets.error.illegalTransition", key, from, to);
    }
}
