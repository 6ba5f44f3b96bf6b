package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.tickets.TicketChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After a ticket change commits (asynchronously, in a transaction of its own): new public replies of the desk on a
 * ticket that came by e-mail are queued and sent at once; what fails is retried by the dispatcher's schedule.
 */
@Component
class MailReplies {

    private final MailOutbox outbox;
    private final MailDispatcher dispatcher;

    MailReplies(MailOutbox outbox, MailDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @ApplicationModuleListener
    void on(TicketChanged changed) {
        if (outbox.queueReplies(changed.id()) > 0) {
            dispatcher.sendDue();
        }
    }
}
