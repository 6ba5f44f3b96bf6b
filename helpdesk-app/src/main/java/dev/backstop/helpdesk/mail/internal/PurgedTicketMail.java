package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged ticket's thread (whom the desk answers by e-mail) and queued replies go with it; the record of each message taken in stays, without the ticket, so that the message is never taken in again. */
@Component
class PurgedTicketMail {

    private final JdbcTemplate jdbc;

    PurgedTicketMail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update("delete from mail_outbox where ticket_id in (%s)".formatted(in));
        jdbc.update("delete from mail_threads where ticket_id in (%s)".formatted(in));
        jdbc.update("update mail_messages set ticket_id = null where ticket_id in (%s)".formatted(in));
    }
}
