package dev.backstop.helpdesk.surveys.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged ticket's satisfaction surveys go with it. */
@Component
class PurgedTicketSurveys {

    private final JdbcTemplate jdbc;

    PurgedTicketSurveys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update("delete from ticket_surveys where ticket_id in (%s)".formatted(in));
    }
}
