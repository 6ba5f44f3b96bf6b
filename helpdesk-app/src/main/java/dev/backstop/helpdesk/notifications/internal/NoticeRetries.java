package dev.backstop.helpdesk.notifications.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.SystemAccounts;
import dev.backstop.helpdesk.messaging.Delivery;
import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.notifications.NoticeChannel;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A requester notice whose e-mail or SMS failed is tried again: after {@code retry-after} (default 1 min), doubled per
 * attempt, at most {@code max-attempts} (default 5) attempts in all; then it is given up — status {@code GAVE_UP} and an
 * internal note on the ticket, so the agent sees that the requester was not told. The database decides which node
 * retries: a node claims a due notice by moving its next attempt on (an update guarded by the attempt count), so one
 * node sends each attempt, and a node that dies after its claim leaves the notice due again at the next attempt's time.
 * A retry sends the message as first rendered (kept in the row).
 */
@Component
class NoticeRetries {

    static final String FAILED = "FAILED";
    static final String GAVE_UP = "GAVE_UP";
    private static final Logger log = LoggerFactory.getLogger(NoticeRetries.class);
    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final OutboundMessages outbound;
    private final TicketManagement tickets;
    private final ObjectProvider<SystemAccounts> accounts;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration retryAfter;
    private final int maxAttempts;

    NoticeRetries(
            JdbcTemplate jdbc,
            OutboundMessages outbound,
            TicketManagement tickets,
            ObjectProvider<SystemAccounts> accounts,
            MessageSource messages,
            Clock clock,
            @Value("${backstop.notifications.requesters.retry-after:1m}") Duration retryAfter,
            @Value("${backstop.notifications.requesters.max-attempts:5}") int maxAttempts) {
        this.jdbc = jdbc;
        this.outbound = outbound;
        this.tickets = tickets;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** When the attempt after {@code attempts} failed ones is due: {@code retryAfter} doubled per attempt. */
    Instant nextAttempt(int attempts, Instant now) {
        return now.plus(retryAfter.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1))));
    }

    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    @Scheduled(
            fixedDelayString = "${backstop.notifications.requesters.retry-every:30s}",
            initialDelayString = "${backstop.notifications.requesters.retry-every:30s}")
    public void scheduled() {
        retryDue();
    }

    /** Tries every failed notice that is due once; how many were tried here. */
    int retryDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query(
                """
                select id, ticket_id, attempts, channel, address, subject, body from requester_notices
                 where status = 'FAILED' and next_attempt_at <= ? and body is not null
                 order by next_attempt_at fetch first %d rows only""".formatted(BATCH),
                (rs, i) -> new Due(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        NoticeChannel.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)),
                Timestamp.from(now));
        int tried = 0;
        for (Due notice : due) {
            if (exhausted(notice.attempts())) { // only where max-attempts is 1: the listener's attempt was the last
                if (jdbc.update(
                                "update requester_notices set status = 'GAVE_UP' where id = ? and status = 'FAILED'",
                                notice.id())
                        == 1) {
                    giveUp(notice.id(), notice.ticketId(), notice.channel(), notice.address(), notice.attempts(), null);
                }
                continue;
            }
            int attempt = notice.attempts() + 1;
            // the claim: whoever moves the next attempt on sends this one; the others find the count changed
            int claimed = jdbc.update(
                    """
                    update requester_notices set attempts = ?, next_attempt_at = ?
                     where id = ? and status = 'FAILED' and attempts = ?""", attempt, Timestamp.from(nextAttempt(attempt, now)), notice.id(), notice.attempts());
            if (claimed == 0) {
                continue;
            }
            tried++;
            Delivery delivery = notice.channel() == NoticeChannel.SMS
                    ? outbound.sms(notice.address(), notice.body())
                    : outbound.email(notice.address(), notice.subject(), notice.body());
            String detail = delivery.detail() == null ? null : abbreviate(delivery.detail());
            if (delivery.status() != Delivery.Status.FAILED) {
                jdbc.update(
                        "update requester_notices set status = ?, detail = ?, sent_at = ?, next_attempt_at = null where id = ?",
                        delivery.status().name(),
                        detail,
                        delivery.status() == Delivery.Status.SENT ? Timestamp.from(clock.instant()) : null,
                        notice.id());
            } else if (exhausted(attempt)) {
                giveUp(notice.id(), notice.ticketId(), notice.channel(), notice.address(), attempt, detail);
            } else {
                jdbc.update("update requester_notices set detail = ? where id = ?", detail, notice.id());
            }
        }
        return tried;
    }

    /** No more attempts: the notice says so, and the ticket's agents read it on the timeline. */
    private void giveUp(
            long noticeId, long ticketId, NoticeChannel channel, String address, int attempts, String detail) {
        if (detail != null) {
            jdbc.update("update requester_notices set detail = ? where id = ?", detail, noticeId);
        }
        jdbc.update("update requester_notices set status = 'GAVE_UP', next_attempt_at = null where id = ?", noticeId);
        log.warn(
                "Requester notice {} on ticket {} given up after {} attempts: {}",
                noticeId,
                ticketId,
                attempts,
                detail);
        Object[] args = {
            channel == NoticeChannel.SMS ? "SMS" : "E-mail",
            address == null ? "" : address,
            attempts,
            detail == null ? "" : detail
        };
        String zh = messages.getMessage("notifications.requester.gaveUp", args, Locale.SIMPLIFIED_CHINESE);
        String en = messages.getMessage("notifications.requester.gaveUp", args, Locale.ENGLISH);
        try {
            CurrentUser by = accounts.getObject().as("notifications", "通知 / Notifications", "通知 / Notifications");
            tickets.note(ticketId, zh + "\n" + en, null, by);
        } catch (RuntimeException e) { // the notice row says it anyway
            log.warn("Could not note the given-up notice on ticket {}: {}", ticketId, e.toString());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private record Due(
            long id, long ticketId, int attempts, NoticeChannel channel, String address, String subject, String body) {}
}
