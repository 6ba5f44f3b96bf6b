package dev.backstop.helpdesk.mail.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/mail} (admins, by the page chain's {@code /admin/**} rule): each desk mailbox's health and the outbox. */
@Controller
class MailAdminPage {

    record Undelivered(
            String ticketKey,
            long ticketId,
            String kind,
            String recipient,
            String status,
            int attempts,
            String lastError,
            Instant nextAttemptAt) {}

    private final MailboxStatus status;
    private final JdbcTemplate jdbc;

    MailAdminPage(MailboxStatus status, JdbcTemplate jdbc) {
        this.status = status;
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/mail")
    String mailboxes(Model model) {
        model.addAttribute("mailboxes", status.all());
        model.addAttribute(
                "undelivered",
                jdbc.query(
                        """
                select t.ticket_key, o.ticket_id, o.kind, o.recipient, o.status, o.attempts, o.last_error, o.next_attempt_at
                  from mail_outbox o join tickets t on t.id = o.ticket_id
                 where o.status in ('RETRY', 'FAILED', 'SENDING') order by o.id desc fetch first 50 rows only""",
                        (rs, i) -> new Undelivered(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getInt(6),
                                rs.getString(7),
                                instant(rs.getTimestamp(8)))));
        return "mail/mailboxes";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
