package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.messaging.Delivery;
import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.messaging.ThreadedEmail;
import dev.backstop.helpdesk.notifications.Notifications;
import dev.backstop.helpdesk.shared.SchedulerLocks;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in {@code mail_outbox}. A row is claimed for two minutes by a guarded update before it is sent
 * (a second node skips it; a node that dies while sending leaves it to be retried); a failure is retried after 30 s,
 * doubled per attempt, and after {@code maxAttempts} it is given up. The outcome of a reply is an internal note on the
 * ticket's timeline; a reply given up also notifies its author.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final OutboundMessages messages;
    private final TicketManagement tickets;
    private final Notifications notifications;
    private final IntakeAccount account;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    MailDispatcher(
            JdbcTemplate jdbc,
            OutboundMessages messages,
            TicketManagement tickets,
            Notifications notifications,
            IntakeAccount account,
            MailSettings settings,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.messages = messages;
        this.tickets = tickets;
        this.notifications = notifications;
        this.account = account;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${backstop.mail.outbox-interval:15s}",
            initialDelayString = "${backstop.mail.outbox-initial-delay:20s}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void scheduledPass() {
        sendDue();
    }

    /** Sends every row that is due; how many were sent. */
    int sendDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("""
                select id from mail_outbox where status in ('PENDING', 'RETRY', 'SENDING') and next_attempt_at <= ?
                 order by id fetch first 200 rows only""", Long.class, Timestamp.from(now));
        int sent = 0;
        for (long id : due) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(long id) {
        Instant now = clock.instant();
        int claimed = jdbc.update("""
                update mail_outbox set status = 'SENDING', next_attempt_at = ?, attempts = attempts + 1
                 where id = ? and status in ('PENDING', 'RETRY', 'SENDING') and next_attempt_at <= ?""", Timestamp.from(now.plus(CLAIM)), id, Timestamp.from(now));
        if (claimed == 0) {
            return false;
        }
        Row row = jdbc.queryForObject(
                """
                select ticket_id, kind, message_id, recipient, subject, body, in_reply_to, refs, sender, attempts, author_id
                  from mail_outbox where id = ?""",
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getInt(10),
                        (Long) rs.getObject(11, Long.class)),
                id);
        Delivery delivery = messages.email(new ThreadedEmail(
                row.sender(),
                row.recipient(),
                row.subject(),
                row.body(),
                row.messageId(),
                row.inReplyTo(),
                row.refs(),
                row.kind().equals("ACK")));
        return Boolean.TRUE.equals(transactions.execute(status -> recordOutcome(id, row, delivery)));
    }

    private boolean recordOutcome(long id, Row row, Delivery delivery) {
        boolean reply = row.kind().equals("REPLY");
        switch (delivery.status()) {
            case SENT -> {
                jdbc.update(
                        "update mail_outbox set status = 'SENT', sent_at = ?, last_error = null where id = ?",
                        Timestamp.from(clock.instant()),
                        id);
                if (reply) {
                    note(row, "已通过电子邮件发送给 %s / E-mailed to %s".formatted(row.recipient(), row.recipient()));
                }
                return true;
            }
            case SKIPPED -> {
                jdbc.update(
                        "update mail_outbox set status = 'SKIPPED', last_error = ? where id = ?",
                        delivery.detail(),
                        id);
                if (reply) {
                    note(row, "未发送电子邮件（未配置邮件服务器）/ Not e-mailed: %s".formatted(delivery.detail()));
                }
                return false;
            }
            default -> {
                String error = delivery.detail() == null ? "?" : delivery.detail();
                error = error.length() > 1000 ? error.substring(0, 1000) : error;
                if (row.attempts() >= settings.maxAttempts()) {
                    jdbc.update("update mail_outbox set status = 'FAILED', last_error = ? where id = ?", error, id);
                    log.error(
                            "Mail {} to {} for ticket {} given up after {} attempts: {}",
                            row.kind(),
                            row.recipient(),
                            row.ticketId(),
                            row.attempts(),
                            error);
                    if (reply) {
                        note(
                                row,
                                "电子邮件发送失败，已放弃（%d 次）：%s / E-mail to %s failed for good after %d attempts: %s"
                                        .formatted(row.attempts(), error, row.recipient(), row.attempts(), error));
                        if (row.authorId() != null) {
                            notifications.notify(
                                    List.of(row.authorId()),
                                    "mail.notification.failed",
                                    List.of(row.recipient()),
                                    row.ticketId());
                        }
                    }
                } else {
                    long seconds = 30L << Math.min(row.attempts() - 1, 10);
                    jdbc.update(
                            "update mail_outbox set status = 'RETRY', last_error = ?, next_attempt_at = ? where id = ?",
                            error,
                            Timestamp.from(clock.instant().plusSeconds(seconds)),
                            id);
                }
                return false;
            }
        }
    }

    private void note(Row row, String text) {
        try {
            tickets.note(row.ticketId(), text, null, account.desk());
        } catch (RuntimeException e) {
            log.warn("Could not note the mail outcome on ticket {}: {}", row.ticketId(), e.getMessage());
        }
    }

    private record Row(
            long ticketId,
            String kind,
            String messageId,
            String recipient,
            String subject,
            String body,
            String inReplyTo,
            String refs,
            String sender,
            int attempts,
            Long authorId) {}
}
