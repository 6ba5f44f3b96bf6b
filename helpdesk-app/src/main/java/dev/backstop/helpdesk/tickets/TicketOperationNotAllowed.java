package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.shared.BackstopException;

/**
 * The caller may see the ticket but not do this to it (403), e.g. a portal user adding an internal
 * note or assigning. Argument: the operation's message key suffix.
 */
public class TicketOperationNotAllowed extends BackstopException {

    public TicketOperationNotAllowed(String operation) {
        super(403, "tickets.error.operationNotAllowed", operation);
    }
}
