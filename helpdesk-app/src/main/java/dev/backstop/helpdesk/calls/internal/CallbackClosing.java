package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketState;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The callback call closes its callback task: when an outbound call to a number is answered, every open callback task
 * of that number (made from a missed or abandoned call, {@code missed_calls}) gets the call on its timeline and is
 * resolved, by the agent who has the call (else the PBX's user). Runs in the transaction of the PBX's event. A task
 * its rules keep open (e.g. a complaint that needs a satisfied callback) only gets the call on its timeline.
 */
@Component
class CallbackClosing {

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;
    private final CallLog log;

    CallbackClosing(JdbcTemplate jdbc, TicketManagement tickets, CallLog log) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.log = log;
    }

    /** Returns the ids of the tasks the answered outbound call closed. */
    List<Long> calledBack(CallRow call, CurrentUser by) {
        String digits = PhoneNumbers.digits(call.to());
        if (digits == null || call.inbound()) {
            return List.of();
        }
        List<Long> open = jdbc.queryForList("""
                select distinct m.ticket_id from missed_calls m join tickets t on t.id = m.ticket_id
                 where m.caller_digits = ? and m.created_ticket = true and t.type = 'CALLBACK'
                   and t.state not in ('RESOLVED', 'CLOSED')
                 order by m.ticket_id""", Long.class, digits);
        for (long ticketId : open) {
            String line = "回电已接通 / Called back: " + call.to() + "（PBX call " + call.callId() + "）";
            tickets.logCall(ticketId, line, null, by);
            try {
                tickets.changeState(ticketId, TicketState.RESOLVED, "回电已接通 / Called back", null, by);
            } catch (BackstopException keptOpen) {
                // the ticket's own rules keep it open: the call is on its timeline
            }
            if (call.ticketId() == null) {
                log.linkTicket(call.id(), ticketId);
            }
        }
        return open;
    }
}
