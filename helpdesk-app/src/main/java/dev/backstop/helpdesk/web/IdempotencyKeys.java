package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.shared.SchedulerLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The {@code idempotency_keys} table: who used which key for what, and the first answer. Kept {@link #KEPT}. */
@Component
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Claim(String principal, String key, String requestHash, String method, String path) {}

    record Answer(String requestHash, int status, String contentType, String location, String body) {}

    /**
     * Claims the key in the current transaction; false when it is taken (a concurrent first request holding it is
     * waited for, so false means it committed). The caller must roll back after false.
     */
    boolean claim(Claim claim) {
        try {
            jdbc.update(
                    """
                    insert into idempotency_keys (principal, idem_key, request_hash, method, path, status, created_at)
                    values (?, ?, ?, ?, ?, 0, ?)""",
                    claim.principal(),
                    claim.key(),
                    claim.requestHash(),
                    claim.method(),
                    claim.path().length() > 500 ? claim.path().substring(0, 500) : claim.path(),
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    void answered(Claim claim, int status, String contentType, String location, String body) {
        jdbc.update(
                "update idempotency_keys set status = ?, content_type = ?, location = ?, body = ? where principal = ? and idem_key = ?",
                status,
                contentType,
                location,
                body,
                claim.principal(),
                claim.key());
    }

    Optional<Answer> find(String principal, String key) {
        return jdbc
                .query(
                        """
                select request_hash, status, content_type, location, body from idempotency_keys
                 where principal = ? and idem_key = ? and created_at > ?""",
                        (rs, i) -> new Answer(
                                rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        principal,
                        key,
                        Timestamp.from(clock.instant().minus(KEPT)))
                .stream()
                .findFirst();
    }

    @Scheduled(
            initialDelayString = "${backstop.idempotency.cleanup-initial-delay:5m}",
            fixedDelayString = "${backstop.idempotency.cleanup-interval:1h}")
    @SchedulerLock(name = "idempotency-key-cleanup", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void removeExpired() {
        try {
            int removed = jdbc.update(
                    "delete from idempotency_keys where created_at < ?",
                    Timestamp.from(clock.instant().minus(KEPT)));
            if (removed > 0) {
                log.info("Removed {} idempotency keys older than {}", removed, KEPT);
            }
        } catch (RuntimeException ex) {
            log.warn("Removing old idempotency keys failed; the next pass retries: {}", ex.toString());
        }
    }
}
