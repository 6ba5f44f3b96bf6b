package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged ticket's chat conversations and their messages go with it. */
@Component
class PurgedTicketChats {

    private final JdbcTemplate jdbc;

    PurgedTicketChats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update(
                "delete from chat_messages where conversation_id in (select id from chat_conversations where ticket_id in (%s))"
                        .formatted(in));
        jdbc.update("delete from chat_conversations where ticket_id in (%s)".formatted(in));
    }
}
