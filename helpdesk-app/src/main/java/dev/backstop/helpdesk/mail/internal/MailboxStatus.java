package dev.backstop.helpdesk.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each mailbox's health in {@code mail_mailboxes} (shared by the nodes): the last success, the last error and when
 * it is tried next. After a failure a mailbox waits {@code retryAfter}, doubled per further failure, at most
 * {@code maxBackoff}.
 */
@Component
class MailboxStatus {

    record View(
            String name,
            String desk,
            String address,
            String server,
            int failures,
            Instant lastSuccessAt,
            String lastError,
            Instant lastErrorAt,
            Instant nextAttemptAt,
            long processedTotal) {

        public boolean healthy() {
            return failures == 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final MailSettings settings;
    private final Clock clock;

    MailboxStatus(JdbcTemplate jdbc, MailSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    boolean due(MailSettings.Mailbox mailbox) {
        List<Timestamp> next = jdbc.queryForList(
                "select next_attempt_at from mail_mailboxes where name = ?", Timestamp.class, mailbox.name());
        return next.isEmpty()
                || next.getFirst() == null
                || !next.getFirst().toInstant().isAfter(clock.instant());
    }

    void succeeded(MailSettings.Mailbox mailbox, int handled) {
        ensure(mailbox);
        jdbc.update(
                """
                update mail_mailboxes set failures = 0, last_success_at = ?, next_attempt_at = null,
                       processed_total = processed_total + ?, desk = ? where name = ?""", Timestamp.from(clock.instant()), handled, mailbox.desk().name(), mailbox.name());
    }

    void failed(MailSettings.Mailbox mailbox, Exception error) {
        ensure(mailbox);
        int failures =
                jdbc.queryForObject("select failures from mail_mailboxes where name = ?", Integer.class, mailbox.name())
                        + 1;
        Duration wait = settings.retryAfter().multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff();
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Instant now = clock.instant();
        jdbc.update(
                """
                update mail_mailboxes set failures = ?, last_error = ?, last_error_at = ?, next_attempt_at = ?, desk = ?
                 where name = ?""",
                failures,
                message.length() > 1000 ? message.substring(0, 1000) : message,
                Timestamp.from(now),
                Timestamp.from(now.plus(wait)),
                mailbox.desk().name(),
                mailbox.name());
    }

    /** Every configured mailbox with what the nodes last saw of it (never its password). */
    List<View> all() {
        Map<String, View> known = jdbc
                .query(
                        """
                select name, desk, failures, last_success_at, last_error, last_error_at, next_attempt_at, processed_total
                  from mail_mailboxes""",
                        (rs, i) -> new View(
                                rs.getString(1),
                                rs.getString(2),
                                null,
                                null,
                                rs.getInt(3),
                                instant(rs.getTimestamp(4)),
                                rs.getString(5),
                                instant(rs.getTimestamp(6)),
                                instant(rs.getTimestamp(7)),
                                rs.getLong(8)))
                .stream()
                .collect(Collectors.toMap(View::name, Function.identity()));
        return settings.mailboxes().stream()
                .map(m -> {
                    View seen = known.get(m.name());
                    String server = m.protocol() + "://" + m.host() + ":" + m.port() + "/" + m.folder();
                    return seen == null
                            ? new View(m.name(), m.desk().name(), m.address(), server, 0, null, null, null, null, 0)
                            : new View(
                                    m.name(),
                                    m.desk().name(),
                                    m.address(),
                                    server,
                                    seen.failures(),
                                    seen.lastSuccessAt(),
                                    seen.lastError(),
                                    seen.lastErrorAt(),
                                    seen.nextAttemptAt(),
                                    seen.processedTotal());
                })
                .toList();
    }

    private void ensure(MailSettings.Mailbox mailbox) {
        if (jdbc.queryForList("select name from mail_mailboxes where name = ?", String.class, mailbox.name())
                .isEmpty()) {
            jdbc.update(
                    "insert into mail_mailboxes (name, desk) values (?, ?)",
                    mailbox.name(),
                    mailbox.desk().name());
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
