package dev.backstop.helpdesk.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.backstop.helpdesk.messaging.Delivery;
import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketStateChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The surveys module on its own (plus {@code shared}), on a real H2 with every migration: a ticket resolved in
 * {@code tickets} — here its {@code TicketStateChanged} event, published in a transaction as {@code tickets} does —
 * makes exactly one survey, sent through {@code messaging}'s published port (mocked: the module boundary; real SMTP
 * and SMS gateway runs are {@code SurveyTests}). The listener runs after the commit on a thread of its own, so each
 * step waits for the state it changes.
 */
@ApplicationModuleTest(extraIncludes = "shared")
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/module-surveys",
            "spring.datasource.url=jdbc:h2:mem:module-surveys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.public-url=https://desk.example.cn"
        })
class SurveysModuleTests {

    static final AtomicLong KEYS = new AtomicLong();
    static final Delivery SENT = new Delivery(Delivery.Status.SENT, null);

    @MockitoBean
    OutboundMessages messages;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void sendingWorks() {
        when(messages.email(anyString(), anyString(), anyString())).thenReturn(SENT);
        when(messages.sms(anyString(), anyString())).thenReturn(SENT);
    }

    @Test
    void aResolvedRequestWithAnAddressGetsOneSurveyLinkByEmailEvenIfResolvedTwice(Scenario scenario) {
        long ticket = ticket("INQUIRY", "li.lei@example.cn", "13800138000");
        String key = key(ticket);

        scenario.publish(resolved(ticket))
                .andWaitForStateChange(() -> surveys(ticket), count -> count > 0)
                .andVerify(count -> {
                    assertThat(count).isEqualTo(1);
                    assertThat(jdbc.queryForObject(
                                    "select sent_by || ' ' || sent_to from ticket_surveys where ticket_id = ?",
                                    String.class,
                                    ticket))
                            .isEqualTo("EMAIL li.lei@example.cn");
                    verify(messages)
                            .email(eq("li.lei@example.cn"), contains(key), contains("https://desk.example.cn/survey/"));
                    verify(messages, never()).sms(anyString(), anyString());
                });

        // reopened and resolved again: the requester is not asked twice
        scenario.publish(resolved(ticket))
                .andWaitForStateChange(() -> pending(ticket), pending -> pending == 0)
                .andVerify(pending -> {
                    assertThat(surveys(ticket)).isEqualTo(1);
                    verify(messages, times(1)).email(anyString(), anyString(), anyString());
                });
    }

    @Test
    void withoutAnEmailAddressTheLinkGoesBySms(Scenario scenario) {
        long ticket = ticket("SERVICE_REQUEST", null, "13900139000");

        scenario.publish(resolved(ticket))
                .andWaitForStateChange(() -> surveys(ticket), count -> count > 0)
                .andVerify(
                        count -> verify(messages).sms(eq("13900139000"), contains("https://desk.example.cn/survey/")));
    }

    @Test
    void aComplaintGetsItsCallbackNotASurvey(Scenario scenario) {
        long ticket = ticket("COMPLAINT", "wang@example.cn", null);

        scenario.publish(resolved(ticket))
                .andWaitForStateChange(() -> pending(ticket), pending -> pending == 0)
                .andVerify(pending -> {
                    assertThat(surveys(ticket)).isZero();
                    verify(messages, never()).email(eq("wang@example.cn"), anyString(), anyString());
                });
    }

    @Test
    void aSendThatFailsLeavesTheEventUnfinishedForALaterRetryAndNoSurvey(Scenario scenario) {
        long ticket = ticket("INQUIRY", "down@example.cn", null);
        when(messages.email(eq("down@example.cn"), anyString(), anyString()))
                .thenReturn(new Delivery(Delivery.Status.FAILED, "connection refused"));

        scenario.publish(resolved(ticket))
                .andWaitForStateChange(
                        () -> jdbc.queryForObject(
                                "select count(*) from event_publication where status = 'FAILED'"
                                        + " and completion_date is null and serialized_event like ?",
                                Integer.class,
                                "%\"ticketId\":" + ticket + ",%"),
                        failed -> failed > 0)
                .andVerify(failed -> {
                    assertThat(surveys(ticket)).isZero();
                    assertThat(failed)
                            .as("the publication stays for shared.UnfinishedEvents to resubmit")
                            .isEqualTo(1);
                });
    }

    TicketStateChanged resolved(long ticket) {
        return new TicketStateChanged(ticket, key(ticket), TicketState.OPEN, TicketState.RESOLVED, Instant.now());
    }

    long ticket(String type, String email, String phone) {
        String key = "SV-" + KEYS.incrementAndGet();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into tickets (ticket_key, desk, type, channel, priority, state, requester_kind, subject,
                                     requester_email, requester_phone, created_at, updated_at)
                values (?, 'CHANNEL', ?, 'PHONE', 'NORMAL', 'RESOLVED', 'UNKNOWN_CALLER', '发票开错了', ?, ?, ?, ?)""", key, type, email, phone, now, now);
        return jdbc.queryForObject("select id from tickets where ticket_key = ?", Long.class, key);
    }

    String key(long ticket) {
        return jdbc.queryForObject("select ticket_key from tickets where id = ?", String.class, ticket);
    }

    int surveys(long ticket) {
        return jdbc.queryForObject("select count(*) from ticket_surveys where ticket_id = ?", Integer.class, ticket);
    }

    /** Publications of this ticket's events not yet completed (a completed one is deleted: completion-mode delete). */
    int pending(long ticket) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where serialized_event like ?",
                Integer.class,
                "%\"ticketId\":" + ticket + ",%");
    }
}
