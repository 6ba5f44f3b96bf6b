package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.shared.BackstopException;

/** Someone else saved the ticket since the caller read it (409); nothing was overwritten. */
public class TicketChangedConcurrently extends BackstopException {

    public TicketChangedConcurrently(String key) {
        super(409, "tickets.error.concurrentChange", key);
    }
}
