package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.notifications.Notifications;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TimelineEntry;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Notices the expert's answer: when a change of an escalated ticket is about to commit, the first public reply by
 * someone other than the rep who asked is the answer. It is recorded once ({@code answered_at}, {@code answered_by};
 * the update is guarded, so concurrent nodes record it once) and the rep gets a notification in the bell — in the
 * transaction of the reply, on its one connection, so the answer is never lost and a reloaded page already shows the
 * escalation as answered (an after-commit listener in a transaction of its own needed a second connection).
 */
@Component
class EscalationAnswers {

    /** Reads the ticket's timeline on the module's behalf; admins see every ticket. */
    private static final CurrentUser SYSTEM =
            new CurrentUser(0, "system", "system", Set.of(Role.ADMIN), null, null, null, null);

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;
    private final Notifications notifications;

    EscalationAnswers(JdbcTemplate jdbc, TicketManagement tickets, Notifications notifications) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.notifications = notifications;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketChanged changed) {
        record(changed.id());
    }

    void record(long ticketId) {
        List<Waiting> waiting = jdbc.query(
                "select id, rep_id from kb_escalations where ticket_id = ? and answered_at is null",
                (rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2)),
                ticketId);
        if (waiting.isEmpty()) {
            return;
        }
        Waiting escalation = waiting.getFirst();
        TicketDetails ticket = tickets.get(ticketId, SYSTEM);
        Optional<TimelineEntry> answer = ticket.timeline().stream()
                .filter(entry -> entry.kind() == ArticleKind.PUBLIC_REPLY
                        && entry.authorId() != null
                        && entry.authorId() != escalation.repId()
                        && !entry.fromRequester())
                .findFirst();
        if (answer.isEmpty()) {
            return;
        }
        int recorded = jdbc.update(
                "update kb_escalations set answered_at = ?, answered_by = ? where id = ? and answered_at is null",
                Timestamp.from(answer.get().at()),
                answer.get().authorId(),
                escalation.id());
        if (recorded == 1) {
            notifications.notify(
                    List.of(escalation.repId()),
                    "knowledge.notification.answered",
                    List.of(ticket.key(), answer.get().authorName()),
                    ticketId);
        }
    }

    private record Waiting(long id, long repId) {}
}
