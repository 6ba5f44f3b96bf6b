package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles one inbound message in one transaction: the claim of its key in {@code mail_messages} commits together with
 * the ticket or article it made, so a message is handled exactly once however often it is fetched (a node that dies
 * half-way leaves neither).
 */
@Component
class MailIntake {

    enum Kind {
        OPENED,
        APPENDED,
        AUTOMATIC,
        OWN_ADDRESS,
        DUPLICATE
    }

    /** What became of a message; {@code attachmentsPending} when its attachments are still to be stored. */
    record Outcome(Kind kind, Long ticketId, boolean attachmentsPending) {}

    static final Pattern TICKET_KEY = Pattern.compile("\\b(CH|EX|HR)-(\\d{4})-(\\d{6})\\b");
    private static final int MAX_SUBJECT = 300;

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;
    private final Senders senders;
    private final IntakeAccount account;
    private final MailOutbox outbox;
    private final Clock clock;

    MailIntake(
            JdbcTemplate jdbc,
            TicketManagement tickets,
            Senders senders,
            IntakeAccount account,
            MailOutbox outbox,
            Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.senders = senders;
        this.account = account;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Outcome handle(MailSettings.Mailbox mailbox, Set<String> ownAddresses, InboundMail mail) {
        List<Outcome> seen = jdbc.query(
                "select outcome, ticket_id, attachments_done from mail_messages where message_key = ?",
                (rs, i) -> new Outcome(Kind.DUPLICATE, (Long) rs.getObject(2, Long.class), !rs.getBoolean(3)),
                mail.key());
        if (!seen.isEmpty()) {
            return seen.getFirst();
        }
        Outcome outcome;
        if (ownAddresses.contains(mail.fromAddress())) {
            outcome = new Outcome(Kind.OWN_ADDRESS, null, false);
        } else if (mail.automatic()) {
            outcome = new Outcome(Kind.AUTOMATIC, null, false);
        } else {
            outcome = thread(mail).map(ticketId -> append(ticketId, mail)).orElseGet(() -> open(mailbox, mail));
        }
        jdbc.update(
                """
                insert into mail_messages (message_key, mailbox, ticket_id, outcome, attachments_done, processed_at)
                values (?, ?, ?, ?, ?, ?)""",
                mail.key(),
                mailbox.name(),
                outcome.ticketId(),
                outcome.kind().name(),
                !outcome.attachmentsPending(),
                Timestamp.from(clock.instant()));
        return outcome;
    }

    @Transactional
    public void attachmentsStored(String key) {
        jdbc.update("update mail_messages set attachments_done = true where message_key = ?", key);
    }

    /** The open ticket this message answers: by the ids it refers to, else by a ticket key in its subject from the ticket's own address. */
    private Optional<Long> thread(InboundMail mail) {
        for (String reference : mail.references()) {
            List<Long> found = jdbc.queryForList("""
                    select ticket_id from mail_messages where message_key = ? and ticket_id is not null
                    union select ticket_id from mail_outbox where message_id = ?""", Long.class, reference, reference);
            Optional<Long> open = found.stream().filter(this::notClosed).findFirst();
            if (open.isPresent()) {
                return open;
            }
        }
        Matcher key = TICKET_KEY.matcher(mail.subject().toUpperCase(Locale.ROOT));
        while (key.find()) {
            List<Long> found = jdbc.queryForList("""
                    select t.id from tickets t left join mail_threads m on m.ticket_id = t.id
                     where t.ticket_key = ? and (lower(m.address) = ? or lower(t.requester_email) = ?)""", Long.class, key.group(), mail.fromAddress(), mail.fromAddress());
            Optional<Long> open = found.stream().filter(this::notClosed).findFirst();
            if (open.isPresent()) {
                return open;
            }
        }
        return Optional.empty();
    }

    private boolean notClosed(long ticketId) {
        return jdbc.queryForList("select state from tickets where id = ?", String.class, ticketId).stream()
                .anyMatch(state -> !state.equals("CLOSED"));
    }

    private Outcome append(long ticketId, InboundMail mail) {
        String body = mail.text().isBlank() ? "（空白邮件 / empty e-mail）" : mail.text();
        tickets.receiveFromRequester(
                ticketId, body, mail.senderName(), account.forRequesterOf(ticketId, mail.senderName()));
        return new Outcome(Kind.APPENDED, ticketId, !mail.attachments().isEmpty());
    }

    private Outcome open(MailSettings.Mailbox mailbox, InboundMail mail) {
        Senders.Sender sender = senders.match(mail.fromAddress(), mail.fromName(), mailbox.desk());
        String subject = mail.subject().isBlank() ? "（无主题 / no subject）" : mail.subject();
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        TicketDetails ticket = tickets.open(
                new OpenTicket(
                        mailbox.desk(),
                        TicketType.INQUIRY,
                        Channel.EMAIL,
                        Priority.NORMAL,
                        sender.requester(),
                        sender.distributorId(),
                        sender.employeeId(),
                        subject,
                        mail.text(),
                        BusinessRefs.none(),
                        Set.of("邮件"),
                        false,
                        null,
                        null),
                account.as(mail.senderName()));
        jdbc.update(
                """
                insert into mail_threads (ticket_id, mailbox, address, name, language, root_message_id, acknowledged)
                values (?, ?, ?, ?, ?, ?, true)""",
                ticket.id(),
                mailbox.name(),
                mail.fromAddress(),
                mail.fromName(),
                mail.language(),
                mail.messageId());
        outbox.acknowledge(ticket, mailbox, mail);
        return new Outcome(Kind.OPENED, ticket.id(), !mail.attachments().isEmpty());
    }
}
