package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged ticket's SLA escalations go with it. */
@Component
class PurgedTicketEscalations {

    private final JdbcTemplate jdbc;

    PurgedTicketEscalations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update("delete from ticket_escalations where ticket_id in (%s)".formatted(in));
    }
}
