package dev.backstop.helpdesk.mail.internal;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * IMAP IDLE where the server offers it: one watcher thread per mailbox holds a connection in IDLE and, when the server
 * announces new mail, runs a pass of {@link MailboxPoller} at once — under the same lock as the scheduled pass
 * ({@code mail-inbound}), so one node reads at a time; if another node holds it, the scheduled poll picks the mail up.
 * The watcher never handles a message itself: the poll stays the one way in (and the fallback where IDLE is missing,
 * the connection drops, or {@code backstop.mail.inbound.idle=false}); a dropped watcher reconnects after
 * {@code retryAfter}. Which mailboxes idle is shown on {@code /admin/mail}.
 */
@Component
class MailboxIdle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxIdle.class);

    private final MailSettings settings;
    private final MailboxPoller poller;
    private final LockingTaskExecutor locks;
    private final boolean enabled;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> watchers = new CopyOnWriteArrayList<>();
    private final List<Store> open = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> idling = java.util.concurrent.ConcurrentHashMap.newKeySet();

    MailboxIdle(
            MailSettings settings,
            MailboxPoller poller,
            LockProvider lockProvider,
            @Value("${backstop.mail.inbound.idle:true}") boolean enabled) {
        this.settings = settings;
        this.poller = poller;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.enabled = enabled;
    }

    /** The names of the mailboxes whose server connection is in IDLE right now. */
    java.util.Set<String> idling() {
        return java.util.Set.copyOf(idling);
    }

    @Override
    public void start() {
        if (!enabled || settings.mailboxes().isEmpty() || !running.compareAndSet(false, true)) {
            return;
        }
        for (MailSettings.Mailbox mailbox : settings.mailboxes()) {
            Thread watcher = Thread.ofPlatform()
                    .daemon()
                    .name("mail-idle-" + mailbox.name())
                    .start(() -> watch(mailbox));
            watchers.add(watcher);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        for (Store store : open) {
            try {
                store.close(); // ends a pending IDLE
            } catch (MessagingException | RuntimeException ignored) {
                // closing anyway
            }
        }
        for (Thread watcher : watchers) {
            watcher.interrupt();
            try {
                watcher.join(Duration.ofSeconds(10)); // a pass it started ends before the context goes on closing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void watch(MailSettings.Mailbox mailbox) {
        while (running.get()) {
            try {
                if (!idleOnce(mailbox)) {
                    log.info(
                            "Mailbox {}: the server offers no IDLE; it is polled every {}",
                            mailbox,
                            settings.pollInterval());
                    return;
                }
            } catch (MessagingException | RuntimeException e) {
                idling.remove(mailbox.name());
                if (!running.get()) {
                    return;
                }
                log.debug(
                        "Mailbox {}: IDLE ended ({}); reconnecting after {}",
                        mailbox,
                        e.toString(),
                        settings.retryAfter());
                sleep(settings.retryAfter());
            }
        }
    }

    /** One connection in IDLE until it drops; false when the server has no IDLE. */
    private boolean idleOnce(MailSettings.Mailbox mailbox) throws MessagingException {
        Session session = Session.getInstance(properties(mailbox));
        Store store = session.getStore(mailbox.protocol());
        open.add(store);
        try {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
                return false;
            }
            IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
            folder.open(Folder.READ_ONLY);
            idling.add(mailbox.name());
            wake(); // whatever came while no watcher was listening
            while (running.get() && folder.isOpen()) {
                // returns when the server says something (new mail, or flags our own pass set): a pass then reads what
                // is new; waking on every return rather than on the message-count event, which is delivered on
                // another thread and could come after this check
                folder.idle(true);
                if (running.get()) {
                    wake();
                }
            }
            return true;
        } finally {
            idling.remove(mailbox.name());
            open.remove(store);
            try {
                store.close();
            } catch (MessagingException ignored) {
                // already gone
            }
        }
    }

    private void wake() {
        try {
            locks.executeWithLock(
                    (Runnable) poller::pass,
                    new LockConfiguration(Instant.now(), "mail-inbound", Duration.ofSeconds(30), Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("A pass after IDLE failed: {}", e.toString());
        }
    }

    private Properties properties(MailSettings.Mailbox mailbox) {
        Properties properties = new Properties();
        String prefix = "mail." + mailbox.protocol() + ".";
        String millis = String.valueOf(settings.timeout().toMillis());
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "writetimeout", millis);
        // IDLE waits for the server; a connection silent this long is taken as dropped and opened again
        properties.put(prefix + "timeout", String.valueOf(Duration.ofMinutes(10).toMillis()));
        if (mailbox.protocol().equals("imaps")) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
