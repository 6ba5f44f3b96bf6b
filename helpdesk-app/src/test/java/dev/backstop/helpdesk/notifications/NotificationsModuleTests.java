package dev.backstop.helpdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketAnsweredByBackOffice;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notifications module on its own (plus {@code shared}), on a real H2 with every migration: when a back-office
 * department answers a forwarded ticket ({@code tickets}' {@code TicketAnsweredByBackOffice}, published in the
 * answering transaction), the ticket's assignee is told — or, when nobody works it, every enabled supervisor and the
 * agent who forwarded it — in that same transaction. The bell is real; only the ports of the other modules that the
 * requester notices need ({@code tickets.TicketManagement}, {@code messaging.OutboundMessages}) are mocked.
 */
@ApplicationModuleTest(extraIncludes = "shared")
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/module-notifications",
            "spring.datasource.url=jdbc:h2:mem:module-notifications;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        })
class NotificationsModuleTests {

    static final AtomicLong NAMES = new AtomicLong();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Notifications notifications;

    @MockitoBean
    TicketManagement tickets;

    @MockitoBean
    OutboundMessages outbound;

    @Test
    void theAssigneeIsToldTheBackOfficeAnsweredAndNobodyElse(Scenario scenario) {
        long assignee = user("CHANNEL_AGENT", true);
        long forwarder = user("CHANNEL_AGENT", true);
        long supervisor = user("SUPERVISOR", true);
        long ticket = ticket();

        scenario.publish(new TicketAnsweredByBackOffice(ticket, key(ticket), Desk.CHANNEL, assignee, forwarder))
                .andWaitForStateChange(() -> notifications.recent(assignee, 10), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list).singleElement().satisfies(told -> {
                        assertThat(told.messageKey()).isEqualTo("tickets.notification.answered");
                        assertThat(told.arguments()).containsExactly(key(ticket));
                        assertThat(told.ticketId()).isEqualTo(ticket);
                        assertThat(told.read()).isFalse();
                    });
                    assertThat(notifications.recent(forwarder, 10)).isEmpty();
                    assertThat(notifications.recent(supervisor, 10)).isEmpty();
                });
    }

    @Test
    void withNobodyAssignedTheEnabledSupervisorsAndTheForwarderAreToldOnceEach(Scenario scenario) {
        long forwarder = user("SUPERVISOR", true);
        long supervisor = user("SUPERVISOR", true);
        long retired = user("SUPERVISOR", false);
        long ticket = ticket();

        scenario.publish(new TicketAnsweredByBackOffice(ticket, key(ticket), Desk.CHANNEL, null, forwarder))
                .andWaitForStateChange(() -> told(ticket), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list).contains(forwarder, supervisor).doesNotContain(retired);
                    assertThat(list).as("the forwarder, a supervisor too, once").doesNotHaveDuplicates();
                    assertThat(notifications.recent(supervisor, 10))
                            .singleElement()
                            .satisfies(n ->
                                    assertThat(n.messageKey()).isEqualTo("tickets.notification.answeredUnassigned"));
                });
    }

    List<Long> told(long ticket) {
        return jdbc.queryForList("select user_id from notifications where ticket_id = ?", Long.class, ticket);
    }

    long user(String role, boolean enabled) {
        String name = "n-" + role.toLowerCase() + "-" + NAMES.incrementAndGet();
        jdbc.update("""
                insert into app_users (username, password_hash, display_name, enabled, created_at)
                values (?, '{noop}x', ?, ?, ?)""", name, name, enabled, Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, name);
        jdbc.update("insert into user_roles (user_id, role) values (?, ?)", id, role);
        return id;
    }

    long ticket() {
        String key = "NT-" + NAMES.incrementAndGet();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into tickets (ticket_key, desk, type, channel, priority, state, requester_kind, subject,
                                     created_at, updated_at)
                values (?, 'CHANNEL', 'COMPLAINT', 'PHONE', 'NORMAL', 'OPEN', 'UNKNOWN_CALLER', '退货款未到', ?, ?)""", key, now, now);
        return jdbc.queryForObject("select id from tickets where ticket_key = ?", Long.class, key);
    }

    String key(long ticket) {
        return jdbc.queryForObject("select ticket_key from tickets where id = ?", String.class, ticket);
    }
}
