package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TimelineEntry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts what the desk says by e-mail into {@code mail_outbox}: the acknowledgement of a new ticket (once: only when the
 * ticket is opened) and each public reply of the desk on a ticket that came by e-mail (once: the article id is unique),
 * in the requester's language, with the desk's signature, the key in the subject and the headers that thread it. It reads
 * the ticket as the e-mail account acting for the ticket's requester ({@link IntakeAccount#forRequesterOf}), so a
 * confidential case is answered by e-mail too.
 */
@Component
class MailOutbox {

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;
    private final IntakeAccount account;
    private final MessageSource messages;
    private final MailSettings settings;
    private final Clock clock;
    private final String defaultFrom;

    MailOutbox(
            JdbcTemplate jdbc,
            TicketManagement tickets,
            IntakeAccount account,
            MessageSource messages,
            MailSettings settings,
            Clock clock,
            @Value("${backstop.mail.from:backstop@localhost}") String defaultFrom) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.account = account;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.defaultFrom = defaultFrom;
    }

    void acknowledge(TicketDetails ticket, MailSettings.Mailbox mailbox, InboundMail mail) {
        if (mail.fromAddress().isBlank()) {
            return;
        }
        Locale locale = locale(mail.language());
        String subject = messages.getMessage("mail.ack.subject", new Object[] {ticket.key(), ticket.subject()}, locale);
        String body = messages.getMessage(
                "mail.ack.body",
                new Object[] {greeting(mail.fromName(), locale), ticket.key(), signature(ticket, locale)},
                locale);
        insert(
                ticket.id(),
                null,
                "ACK",
                messageId(ticket.key(), "ack", mailbox.address()),
                mail.fromAddress(),
                subject,
                body,
                mail.messageId(),
                mail.messageId(),
                mailbox.address(),
                null);
    }

    /** Queues the desk's public replies on this ticket not yet queued; how many were new. */
    int queueReplies(long ticketId) {
        List<Thread> threads = jdbc.query(
                "select mailbox, address, name, language from mail_threads where ticket_id = ?",
                (rs, i) -> new Thread(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                ticketId);
        if (threads.isEmpty() || threads.getFirst().address().isBlank()) {
            return 0;
        }
        Thread thread = threads.getFirst();
        TicketDetails ticket = tickets.get(ticketId, account.forRequesterOf(ticketId, thread.name()));
        List<TimelineEntry> replies = ticket.timeline().stream()
                .filter(e -> e.kind() == ArticleKind.PUBLIC_REPLY
                        && !e.internal()
                        && !e.fromRequester()
                        && e.authorId() != null)
                .toList();
        Set<Long> alreadyQueued = Set.copyOf(jdbc.queryForList(
                "select article_id from mail_outbox where ticket_id = ? and article_id is not null",
                Long.class,
                ticketId));
        int queued = 0;
        for (TimelineEntry reply : replies) {
            if (alreadyQueued.contains(reply.id())) {
                continue;
            }
            Locale locale = locale(thread.language());
            String from = settings.mailboxes().stream()
                    .filter(m -> m.name().equals(thread.mailbox()))
                    .map(MailSettings.Mailbox::address)
                    .findFirst()
                    .orElse(defaultFrom);
            String subject =
                    messages.getMessage("mail.reply.subject", new Object[] {ticket.key(), ticket.subject()}, locale);
            String body = messages.getMessage(
                    "mail.reply.body",
                    new Object[] {greeting(thread.name(), locale), reply.body(), ticket.key(), signature(ticket, locale)
                    },
                    locale);
            List<String> chain = chain(ticketId);
            insert(
                    ticketId,
                    reply.id(),
                    "REPLY",
                    messageId(ticket.key(), String.valueOf(reply.id()), from),
                    thread.address(),
                    subject,
                    body,
                    chain.isEmpty() ? null : chain.getLast(),
                    chain.isEmpty() ? null : String.join(" ", chain),
                    from,
                    reply.authorId());
            queued++;
        }
        return queued;
    }

    /** The conversation's message ids, oldest first (at most the last 10): what the requester and the desk wrote. */
    private List<String> chain(long ticketId) {
        List<String> ids = new ArrayList<>(jdbc.queryForList("""
                select id from (
                  select message_key as id, processed_at as at from mail_messages where ticket_id = ? and message_key like '<%'
                  union all
                  select message_id as id, created_at as at from mail_outbox where ticket_id = ?) c
                 order by at desc fetch first 10 rows only""", String.class, ticketId, ticketId));
        Collections.reverse(ids);
        return ids;
    }

    private void insert(
            long ticketId,
            Long articleId,
            String kind,
            String messageId,
            String to,
            String subject,
            String body,
            String inReplyTo,
            String references,
            String sender,
            Long authorId) {
        Instant now = clock.instant();
        jdbc.update(
                """
                insert into mail_outbox (ticket_id, article_id, kind, message_id, recipient, subject, body, in_reply_to, refs,
                                         sender, status, attempts, next_attempt_at, author_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""",
                ticketId,
                articleId,
                kind,
                messageId,
                to,
                subject.length() > 400 ? subject.substring(0, 400) : subject,
                body,
                inReplyTo,
                references != null && references.length() > 2000
                        ? references.substring(references.length() - 2000)
                        : references,
                sender,
                Timestamp.from(now),
                authorId,
                Timestamp.from(now));
    }

    private String greeting(String name, Locale locale) {
        return name == null || name.isBlank() ? messages.getMessage("mail.greeting.anonymous", null, locale) : name;
    }

    private String signature(TicketDetails ticket, Locale locale) {
        return messages.getMessage("mail.signature." + ticket.desk().name(), null, locale);
    }

    static Locale locale(String language) {
        return "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    static String messageId(String key, String what, String address) {
        String domain = address != null && address.contains("@")
                ? address.substring(address.indexOf('@') + 1).strip()
                : "backstop.local";
        return "<" + key + "." + what + "." + UUID.randomUUID().toString().substring(0, 8) + "@" + domain + ">";
    }

    private record Thread(String mailbox, String address, String name, String language) {}
}
