package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.shared.SchedulerLocks;
import dev.backstop.helpdesk.tickets.AttachmentRejected;
import dev.backstop.helpdesk.tickets.TicketManagement;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every desk mailbox that is due, one after the other, one node at a time. Each message not yet flagged
 * {@value #PROCESSED} is handled by {@link MailIntake} (its own transaction), then its attachments are stored, then it
 * is flagged {@code \Seen} + {@value #PROCESSED} (or only {@code \Seen} where the server keeps no custom flags). A
 * message that fails is left for the next pass; a mailbox that fails is recorded and backs off ({@link MailboxStatus});
 * neither stops the rest.
 */
@Component
class MailboxPoller {

    static final String PROCESSED = "$Backstop";
    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final MailSettings settings;
    private final MailIntake intake;
    private final MailboxStatus status;
    private final TicketManagement tickets;
    private final IntakeAccount account;
    private final MessageSource messages;
    private final MailDispatcher dispatcher;

    MailboxPoller(
            MailSettings settings,
            MailIntake intake,
            MailboxStatus status,
            TicketManagement tickets,
            IntakeAccount account,
            MessageSource messages,
            MailDispatcher dispatcher) {
        this.settings = settings;
        this.intake = intake;
        this.status = status;
        this.tickets = tickets;
        this.account = account;
        this.messages = messages;
        this.dispatcher = dispatcher;
    }

    @Scheduled(
            fixedDelayString = "${backstop.mail.inbound.poll-interval:30s}",
            initialDelayString = "${backstop.mail.inbound.initial-delay:20s}")
    @SchedulerLock(name = "mail-inbound", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void scheduledPass() {
        if (!settings.mailboxes().isEmpty()) {
            pass();
        }
    }

    /** Reads every mailbox that is due; how many messages were handled. */
    int pass() {
        Set<String> own = settings.mailboxes().stream()
                .map(m -> m.address().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        int handled = 0;
        for (MailSettings.Mailbox mailbox : settings.mailboxes()) {
            if (!status.due(mailbox)) {
                continue;
            }
            try {
                int count = read(mailbox, own);
                status.succeeded(mailbox, count);
                handled += count;
            } catch (MessagingException | RuntimeException e) {
                log.warn("Mailbox {} failed: {}", mailbox, e.toString());
                status.failed(mailbox, e);
            }
        }
        if (handled > 0) {
            dispatcher.sendDue(); // the acknowledgements
        }
        return handled;
    }

    private int read(MailSettings.Mailbox mailbox, Set<String> own) throws MessagingException {
        Session session = Session.getInstance(properties(mailbox));
        try (Store store = session.getStore(mailbox.protocol())) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                boolean customFlags = folder.getPermanentFlags().contains(Flags.Flag.USER);
                Message[] pending = folder.search(
                        customFlags
                                ? new FlagTerm(new Flags(PROCESSED), false)
                                : new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.FLAGS);
                folder.fetch(pending, profile);
                int handled = 0;
                for (Message message : pending) {
                    if (handled >= settings.maxPerPass()) {
                        break;
                    }
                    try {
                        handle(mailbox, own, (MimeMessage) message, customFlags);
                        handled++;
                    } catch (RuntimeException e) { // left unflagged for the next pass; the others go on
                        log.error("Mailbox {}: a message could not be handled", mailbox, e);
                        handled++;
                    }
                }
                return handled;
            } finally {
                folder.close(false);
            }
        }
    }

    private void handle(MailSettings.Mailbox mailbox, Set<String> own, MimeMessage message, boolean customFlags)
            throws MessagingException {
        InboundMail mail;
        try {
            // one FETCH of the whole message, then everything read locally (not a round trip per header)
            mail = MessageParser.parse(new MimeMessage(message));
        } catch (java.io.IOException e) {
            throw new MessagingException("unreadable message", e);
        }
        MailIntake.Outcome outcome = intake.handle(mailbox, own, mail);
        if (outcome.attachmentsPending() && outcome.ticketId() != null) {
            storeAttachments(outcome.ticketId(), mail);
            intake.attachmentsStored(mail.key());
        }
        Flags done = new Flags(Flags.Flag.SEEN);
        if (customFlags) {
            done.add(PROCESSED);
        }
        message.setFlags(done, true);
    }

    /** Each attachment through the tickets' own checks (size, allowed type, content); a refused one is noted. */
    private void storeAttachments(long ticketId, InboundMail mail) {
        for (InboundMail.Part part : mail.attachments()) {
            try {
                tickets.attach(
                        ticketId,
                        part.fileName(),
                        part.contentType(),
                        part.content().length,
                        new ByteArrayInputStream(part.content()),
                        account.forRequesterOf(ticketId, mail.senderName()));
            } catch (AttachmentRejected rejected) {
                String zh = messages.getMessage(rejected.code(), rejected.arguments(), Locale.SIMPLIFIED_CHINESE);
                String en = messages.getMessage(rejected.code(), rejected.arguments(), Locale.ENGLISH);
                tickets.note(ticketId, "邮件附件未保存：" + zh + " / E-mail attachment not kept: " + en, null, account.desk());
            }
        }
    }

    private Properties properties(MailSettings.Mailbox mailbox) {
        Properties properties = new Properties();
        String prefix = "mail." + mailbox.protocol() + ".";
        String millis = String.valueOf(settings.timeout().toMillis());
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        if (mailbox.protocol().equals("imaps")) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
