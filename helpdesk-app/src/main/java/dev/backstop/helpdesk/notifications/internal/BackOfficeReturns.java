package dev.backstop.helpdesk.notifications.internal;

import dev.backstop.helpdesk.notifications.Notifications;
import dev.backstop.helpdesk.tickets.TicketAnsweredByBackOffice;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Nothing waits unseen: a ticket that a back-office department answered comes back to its desk for the call back.
 * Its assignee is told; when nobody is assigned, the supervisors and the agent who forwarded it are. Runs in the
 * answering transaction (the notification exists exactly when the answer does, on the same connection).
 */
@Component
class BackOfficeReturns {

    private final NamedParameterJdbcTemplate jdbc;
    private final Notifications notifications;

    BackOfficeReturns(NamedParameterJdbcTemplate jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    @EventListener
    void on(TicketAnsweredByBackOffice answered) {
        Set<Long> to = new LinkedHashSet<>();
        if (answered.assigneeId() != null) {
            to.add(answered.assigneeId());
        } else {
            to.addAll(jdbc.queryForList("""
                    select distinct u.id from app_users u join user_roles r on r.user_id = u.id
                     where u.enabled = true and r.role in (:roles) order by u.id""", Map.of("roles", Set.of("SUPERVISOR")), Long.class));
            if (answered.forwardedById() != null) {
                to.add(answered.forwardedById());
            }
        }
        notifications.notify(
                to,
                answered.assigneeId() == null
                        ? "tickets.notification.answeredUnassigned"
                        : "tickets.notification.answered",
                List.of(answered.key()),
                answered.ticketId());
    }
}
