package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.shared.BackstopException;

/** A request that cannot be carried out as given (400), e.g. an unknown assignee or department. */
public class InvalidTicketInput extends BackstopException {

    public InvalidTicketInput(String code, Object... arguments) {
        super(400, code, arguments);
    }
}
