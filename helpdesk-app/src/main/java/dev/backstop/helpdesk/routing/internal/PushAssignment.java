package dev.backstop.helpdesk.routing.internal;

import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.tickets.TicketOpened;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A queue with push assignment hands a new ticket to an agent in the transaction that opens it: the ticket is never
 * committed unassigned and then forgotten, and the request uses its one connection (an after-commit listener in a
 * transaction of its own needed a second one while the request still held the first, and jammed the pool at 20
 * concurrent requests — ADR "no request holds two connections").
 */
@Component
class PushAssignment {

    private final TicketRouting routing;

    PushAssignment(TicketRouting routing) {
        this.routing = routing;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TicketOpened opened) {
        routing.push(opened.ticketId());
    }
}
