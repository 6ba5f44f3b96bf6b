package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The desk mailboxes and how they are polled.
 *
 * @param pollInterval how often every mailbox is read (a failing one waits longer: {@code retryAfter} doubled per
 *                     failure up to {@code maxBackoff})
 * @param maxPerPass   at most this many messages of one mailbox per pass (the rest next pass)
 * @param timeout      connect and read timeout towards the mail server
 * @param maxAttempts  a reply that failed this many times is given up (shown to the agent)
 * @param fetchBatch   messages fetched whole in one IMAP FETCH and flagged in one STORE (default 100)
 */
@ConfigurationProperties("backstop.mail.inbound")
record MailSettings(
        List<Mailbox> mailboxes,
        Duration pollInterval,
        Duration retryAfter,
        Duration maxBackoff,
        int maxPerPass,
        Duration timeout,
        int maxAttempts,
        int fetchBatch) {

    MailSettings {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
        maxPerPass = maxPerPass <= 0 ? 500 : maxPerPass;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        fetchBatch = fetchBatch <= 0 ? 100 : fetchBatch;
    }

    /**
     * One desk mailbox.
     *
     * @param name     a short name shown on the admin page (defaults to the user)
     * @param protocol {@code imap} or {@code imaps}
     * @param address  the desk's own address (replies go out from it; mail from it is ignored); defaults to the user
     */
    record Mailbox(
            String name,
            String host,
            int port,
            String user,
            String password,
            String protocol,
            Desk desk,
            String address,
            String folder) {

        Mailbox {
            protocol = protocol == null || protocol.isBlank()
                    ? "imaps"
                    : protocol.strip().toLowerCase(Locale.ROOT);
            if (!protocol.equals("imap") && !protocol.equals("imaps")) {
                throw new IllegalArgumentException(
                        "backstop.mail.inbound.mailboxes: protocol must be imap or imaps, not " + protocol);
            }
            if (desk == null) {
                throw new IllegalArgumentException("backstop.mail.inbound.mailboxes: every mailbox needs a desk");
            }
            name = name == null || name.isBlank() ? user : name.strip();
            address = address == null || address.isBlank() ? user : address.strip();
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            port = port > 0 ? port : protocol.equals("imaps") ? 993 : 143;
        }

        @Override
        public String toString() { // never the password
            return name + " (" + protocol + "://" + user + "@" + host + ":" + port + " → " + desk + ")";
        }
    }
}
