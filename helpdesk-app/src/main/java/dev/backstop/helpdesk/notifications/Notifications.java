package dev.backstop.helpdesk.notifications;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications (the bell in the top bar). Messages are stored as a key with arguments and localized
 * for the reader when shown. Writes join the caller's transaction, so a notification exists exactly when
 * what it reports was committed.
 */
@Service
public class Notifications {

    private static final String SEPARATOR = "\u001f";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(Collection<Long> userIds, String messageKey, List<String> arguments, Long ticketId) {
        var now = java.sql.Timestamp.from(clock.instant());
        String args = String.join(SEPARATOR, arguments);
        for (Long userId : new LinkedHashSet<>(userIds)) {
            jdbc.update(
                    "insert into notifications (user_id, message_key, arguments, ticket_id, created_at) values (?, ?, ?, ?, ?)",
                    userId,
                    messageKey,
                    args,
                    ticketId,
                    now);
        }
    }

    @Transactional(readOnly = true)
    public List<Notification> recent(long userId, int limit) {
        return jdbc.query(
                """
                select id, message_key, arguments, ticket_id, created_at, read_at from notifications
                 where user_id = ? order by created_at desc, id desc fetch first %d rows only""".formatted(limit),
                (rs, i) -> new Notification(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3) == null || rs.getString(3).isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString(3).split(SEPARATOR, -1)),
                        (Long) rs.getObject(4, Long.class),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) != null),
                userId);
    }

    @Transactional(readOnly = true)
    public int unread(long userId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from notifications where user_id = ? and read_at is null", Integer.class, userId);
        return count == null ? 0 : count;
    }

    @Transactional
    public void markAllRead(long userId) {
        jdbc.update(
                "update notifications set read_at = ? where user_id = ? and read_at is null",
                java.sql.Timestamp.from(clock.instant()),
                userId);
    }
}
