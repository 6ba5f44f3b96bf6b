package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.TicketOpened;
import dev.backstop.helpdesk.tickets.TicketRouting;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** After a ticket is committed, a queue with push assignment hands it to an agent at once. */
@Component
class PushAssignment {

    private final TicketRouting routing;

    PushAssignment(TicketRouting routing) {
        this.routing = routing;
    }

    @TransactionalEventListener
    void on(TicketOpened opened) {
        routing.push(opened.ticketId());
    }
}
