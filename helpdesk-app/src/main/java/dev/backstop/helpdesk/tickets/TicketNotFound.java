package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.shared.BackstopException;

/** The ticket (or attachment) does not exist, or the caller may not see it: 404 either way. */
public class TicketNotFound extends BackstopException {

    public TicketNotFound(Object id) {
        super(404, "tickets.error.notFound", id);
    }
}
