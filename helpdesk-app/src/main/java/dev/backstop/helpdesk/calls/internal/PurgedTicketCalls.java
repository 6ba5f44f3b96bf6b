package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged ticket's calls stay in the call log (voice service level counts them) without the link to it; a missed call's record, which exists for its call-back ticket, goes with it. */
@Component
class PurgedTicketCalls {

    private final JdbcTemplate jdbc;

    PurgedTicketCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update("update calls set ticket_id = null where ticket_id in (%s)".formatted(in));
        jdbc.update("delete from missed_calls where ticket_id in (%s)".formatted(in));
    }
}
