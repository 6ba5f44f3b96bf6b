package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged HR ticket takes its topic and its caller-verification attempts along; the access-log rows about it stay until their own retention period (they hold no values, and the employee's "who looked" must not shrink early). */
@Component
class PurgedHrTicketRows {

    private final JdbcTemplate jdbc;

    PurgedHrTicketRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update("delete from hr_caller_verifications where ticket_id in (%s)".formatted(in));
        jdbc.update("delete from hr_ticket_topics where ticket_id in (%s)".formatted(in));
    }
}
