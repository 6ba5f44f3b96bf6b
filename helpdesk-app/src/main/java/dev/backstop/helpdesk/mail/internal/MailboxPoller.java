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
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every desk mailbox that is due, one after the other, one node at a time. The messages not yet flagged
 * {@value #PROCESSED} are read in batches ({@code backstop.mail.inbound.fetch-batch}, default 100, and at most
 * {@link #BATCH_BYTES}): one FETCH brings a batch's whole messages, each is handled by {@link MailIntake} (its own
 * transaction), then its attachments are stored, and the batch's handled messages are flagged {@code \Seen} +
 * {@value #PROCESSED} (or only {@code \Seen} where the server keeps no custom flags) in one {@code UID STORE}. So a pass
 * costs the server a few commands per hundred messages, not several per message. A message that fails is left for the
 * next pass; a mailbox that fails is recorded and backs off ({@link MailboxStatus}); neither stops the rest. A node that
 * dies between handling and flagging leaves at most one batch to be read again, and {@code mail_messages} recognises
 * every message of it.
 *
 * <p>A little over 300 lines on purpose: the IMAP conversation of one pass (open, fetch in batches, hand over, store
 * attachments, flag, back off) must keep its order and its error handling in one place.
 */
@Component
class MailboxPoller {

    static final String PROCESSED = "$Backstop";
    /** A batch is fetched whole in one FETCH: at most {@code fetch-batch} messages and about this many bytes. */
    static final long BATCH_BYTES = 16L * 1024 * 1024;
    /** While a batch is being handled, the connection says something at least this often. */
    static final java.time.Duration KEEP_ALIVE = java.time.Duration.ofSeconds(10);

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
                if (pending.length > settings.maxPerPass()) {
                    pending = Arrays.copyOf(pending, settings.maxPerPass());
                }
                // one FETCH for the UIDs and sizes of everything pending, then one FETCH of whole messages per batch
                FetchProfile sizes = new FetchProfile();
                sizes.add(UIDFolder.FetchProfileItem.UID);
                sizes.add(FetchProfile.Item.SIZE);
                folder.fetch(pending, sizes);
                Flags done = new Flags(Flags.Flag.SEEN);
                if (customFlags) {
                    done.add(PROCESSED);
                }
                int handled = 0;
                for (Message[] batch : batches(pending, settings.fetchBatch(), BATCH_BYTES)) {
                    handled += readBatch(folder, mailbox, own, batch, done);
                }
                return handled;
            } finally {
                folder.close(false);
            }
        }
    }

    /**
     * One batch: the whole messages in one FETCH ({@code BODY.PEEK[]}, so nothing is marked read before it is
     * handled), each handled from memory, then those handled flagged in one {@code UID STORE}. A message that fails is
     * left unflagged for the next pass; if the server goes away half-way, the ones handled are recorded in
     * {@code mail_messages} and recognised when they come again.
     */
    private int readBatch(Folder folder, MailSettings.Mailbox mailbox, Set<String> own, Message[] batch, Flags done)
            throws MessagingException {
        FetchProfile whole = new FetchProfile();
        whole.add(UIDFolder.FetchProfileItem.UID);
        whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
        folder.fetch(batch, whole);
        List<Message> finished = new ArrayList<>(batch.length);
        int handled = 0;
        long lastCommand = System.nanoTime();
        try {
            for (Message message : batch) {
                try {
                    handle(mailbox, own, message);
                    finished.add(message);
                } catch (RuntimeException e) { // left unflagged for the next pass; the others go on
                    log.error("Mailbox {}: a message could not be handled", mailbox, e);
                }
                handled++;
                if (System.nanoTime() - lastCommand > KEEP_ALIVE.toNanos()) {
                    keepAlive(folder);
                    lastCommand = System.nanoTime();
                }
            }
        } finally {
            flag(folder, finished, done);
        }
        return handled;
    }

    private void handle(MailSettings.Mailbox mailbox, Set<String> own, Message message) throws MessagingException {
        InboundMail mail;
        try {
            // the message was fetched whole with its batch: copied and parsed locally, no round trip of its own
            ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(4096, message.getSize()));
            message.writeTo(raw);
            mail = MessageParser.parse(new MimeMessage(null, new ByteArrayInputStream(raw.toByteArray())));
        } catch (java.io.IOException e) {
            throw new MessagingException("unreadable message", e);
        }
        MailIntake.Outcome outcome = intake.handle(mailbox, own, mail);
        if (outcome.attachmentsPending() && outcome.ticketId() != null) {
            storeAttachments(outcome.ticketId(), mail);
            intake.attachmentsStored(mail.key());
        }
    }

    /**
     * A NOOP while a batch is being handled: a server drops a connection that says nothing for a while (GreenMail after
     * 30 s, some providers after a few minutes), and the batch's STORE would then fail.
     */
    private static void keepAlive(Folder folder) throws MessagingException {
        if (folder instanceof IMAPFolder imap) {
            imap.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        }
    }

    /** Consecutive runs of at most {@code count} messages and about {@code bytes} (a larger message alone). */
    static List<Message[]> batches(Message[] messages, int count, long bytes) throws MessagingException {
        List<Message[]> batches = new ArrayList<>();
        int from = 0;
        long size = 0;
        for (int i = 0; i < messages.length; i++) {
            long next = Math.max(0, messages[i].getSize());
            if (i > from && (i - from >= count || size + next > bytes)) {
                batches.add(Arrays.copyOfRange(messages, from, i));
                from = i;
                size = 0;
            }
            size += next;
        }
        if (from < messages.length) {
            batches.add(Arrays.copyOfRange(messages, from, messages.length));
        }
        return batches;
    }

    /** The handled messages flagged in one command: {@code UID STORE} by UID set on IMAP, else the folder's own. */
    private static void flag(Folder folder, List<Message> messages, Flags done) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        if (folder instanceof IMAPFolder imap) {
            long[] uids = new long[messages.size()];
            for (int i = 0; i < uids.length; i++) {
                uids[i] = imap.getUID(messages.get(i)); // fetched with the batch
            }
            Arrays.sort(uids);
            String command =
                    "UID STORE " + UIDSet.toString(UIDSet.createUIDSets(uids)) + " +FLAGS.SILENT " + flagList(done);
            imap.doCommand(protocol -> {
                Response[] responses = protocol.command(command, null);
                protocol.notifyResponseHandlers(responses);
                protocol.handleResult(responses[responses.length - 1]);
                return null;
            });
        } else {
            folder.setFlags(messages.toArray(Message[]::new), done, true);
        }
    }

    private static String flagList(Flags flags) {
        StringBuilder list = new StringBuilder("(");
        if (flags.contains(Flags.Flag.SEEN)) {
            list.append("\\Seen");
        }
        for (String user : flags.getUserFlags()) {
            list.append(list.length() > 1 ? " " : "").append(user);
        }
        return list.append(')').toString();
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
        // a message is fetched whole with its batch; anything read later comes in one FETCH, not 16 KB pieces
        properties.put(prefix + "partialfetch", "false");
        if (mailbox.protocol().equals("imaps")) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
