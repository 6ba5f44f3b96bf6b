package dev.backstop.helpdesk.channel.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged ticket's channel request and its lines go with it. */
@Component
class PurgedChannelRequests {

    private final JdbcTemplate jdbc;

    PurgedChannelRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update(
                "delete from channel_request_lines where request_id in (select id from channel_requests where ticket_id in (%s))"
                        .formatted(in));
        jdbc.update("delete from channel_requests where ticket_id in (%s)".formatted(in));
    }
}
