package dev.backstop.helpdesk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-integration API tokens ({@code bst_<prefix>_<secret>}). Only a SHA-256 hash of the secret is stored:
 * the secret is 32 random bytes, so a fast hash is enough (no dictionary to guess from) and keeps every API
 * request cheap; the prefix finds the row, and the hashes are compared in constant time.
 */
@Component
class ApiTokens {

    private static final String PREFIX = "bst_";
    /** How exact {@code last_used_at} is: it is written at most this often per token. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApiTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record IssuedToken(long id, String name, String token, Instant expiresAt) {}

    record TokenInfo(
            long id,
            String name,
            String username,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            boolean revoked) {}

    IssuedToken issue(String name, long userId, Duration validity) {
        String prefix = HexFormat.of().formatHex(bytes(4));
        String secret = HexFormat.of().formatHex(bytes(32));
        Instant now = clock.instant();
        Instant expires = validity == null ? null : now.plus(validity);
        jdbc.update(
                """
                insert into api_tokens (name, token_prefix, token_hash, user_id, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""",
                name,
                prefix,
                sha256(secret),
                userId,
                Timestamp.from(now),
                expires == null ? null : Timestamp.from(expires));
        Long id = jdbc.queryForObject("select id from api_tokens where token_prefix = ?", Long.class, prefix);
        return new IssuedToken(id, name, PREFIX + prefix + "_" + secret, expires);
    }

    /**
     * The user id the token stands for, when it is well-formed, known, not revoked and not expired. One read by the
     * token's prefix (unique, indexed) on every request; {@code last_used_at} is written at most once per
     * {@link #LAST_USED_GRANULARITY} per token, not on every request of a busy integration.
     */
    Optional<Long> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("_", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Found> rows = jdbc.query(
                """
                select id, token_hash, user_id, expires_at, revoked, last_used_at from api_tokens where token_prefix = ?""",
                (rs, i) -> new Found(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        instant(rs.getTimestamp(4)),
                        rs.getBoolean(5),
                        instant(rs.getTimestamp(6))),
                parts[0]);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Found row = rows.getFirst();
        boolean hashMatches = MessageDigest.isEqual(
                sha256(parts[1]).getBytes(StandardCharsets.US_ASCII), row.hash().getBytes(StandardCharsets.US_ASCII));
        boolean expired = row.expiresAt() != null && row.expiresAt().isBefore(now);
        if (!hashMatches || row.revoked() || expired) {
            return Optional.empty();
        }
        Instant stale = now.minus(LAST_USED_GRANULARITY);
        if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(stale)) {
            // the condition again in SQL: of concurrent requests with the same token, one writes
            jdbc.update(
                    "update api_tokens set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                    Timestamp.from(now),
                    row.id(),
                    Timestamp.from(stale));
        }
        return Optional.of(row.userId());
    }

    private record Found(long id, String hash, long userId, Instant expiresAt, boolean revoked, Instant lastUsedAt) {}

    List<TokenInfo> list() {
        return jdbc.query(
                """
                select t.id, t.name, u.username, t.token_prefix, t.created_at, t.expires_at, t.last_used_at, t.revoked
                  from api_tokens t join app_users u on u.id = t.user_id order by t.id""",
                (rs, i) -> new TokenInfo(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)),
                        rs.getBoolean(8)));
    }

    boolean revoke(long id) {
        return jdbc.update("update api_tokens set revoked = true where id = ?", id) == 1;
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
