package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A campaign recipient keeps the answer it gave; only the link to the purged ticket it opened goes (the key stays as text). */
@Component
class PurgedTicketRecipients {

    private final JdbcTemplate jdbc;

    PurgedTicketRecipients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update("update outreach_recipients set ticket_id = null where ticket_id in (%s)".formatted(in));
    }
}
