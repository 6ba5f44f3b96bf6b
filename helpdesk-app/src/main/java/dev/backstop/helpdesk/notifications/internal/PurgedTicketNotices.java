package dev.backstop.helpdesk.notifications.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged ticket's notices to its requester and the staff bell's notifications about it go with it. */
@Component
class PurgedTicketNotices {

    private final JdbcTemplate jdbc;

    PurgedTicketNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update("delete from requester_notices where ticket_id in (%s)".formatted(in));
        jdbc.update("delete from notifications where ticket_id in (%s)".formatted(in));
    }
}
