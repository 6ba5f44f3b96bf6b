package dev.backstop.helpdesk.accounts.internal;

import dev.backstop.helpdesk.accounts.AccountRefused;
import dev.backstop.helpdesk.accounts.PasswordLinks;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.messaging.Delivery;
import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.shared.DeskTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Set-password links: 32 random bytes in the link, their SHA-256 in {@code password_links}. */
@Service
class PasswordLinkService implements PasswordLinks {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final Set<String> TOO_COMMON = Set.of(
            "password",
            "password1",
            "password12",
            "password123",
            "1234567890",
            "12345678910",
            "0123456789",
            "qwertyuiop",
            "1qaz2wsx3edc",
            "abcdefghij",
            "woaini1314",
            "aaaaaaaaaa",
            "backstop123",
            "iloveyou12");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final OutboundMessages messages;
    private final Clock clock;
    private final DeskTime deskTime;
    private final String publicUrl;
    private final Duration validFor;

    PasswordLinkService(
            JdbcTemplate jdbc,
            PasswordEncoder encoder,
            OutboundMessages messages,
            Clock clock,
            DeskTime deskTime,
            @Value("${backstop.public-url:http://localhost:${server.port:8080}}") String publicUrl,
            @Value("${backstop.accounts.password-link-valid-for:72h}") Duration validFor) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.messages = messages;
        this.clock = clock;
        this.deskTime = deskTime;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.validFor = validFor;
    }

    @Override
    @Transactional
    public Issued issue(String username, CurrentUser by) {
        var users = jdbc.queryForList(
                "select id, display_name, email, locale, enabled from app_users where lower(username) = lower(?)",
                username == null ? "" : username.strip());
        if (users.isEmpty()) {
            throw new AccountRefused(404, "accounts.error.noSuchUser", String.valueOf(username));
        }
        Map<String, Object> user = users.getFirst();
        if (!Boolean.TRUE.equals(user.get("enabled"))) {
            throw new AccountRefused(409, "accounts.error.disabled", username);
        }
        long userId = ((Number) user.get("id")).longValue();
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        jdbc.update(
                "update password_links set expires_at = ? where user_id = ? and used_at is null and expires_at > ?",
                Timestamp.from(now),
                userId,
                Timestamp.from(now));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "insert into password_links (user_id, token_hash, created_by, created_at, expires_at) values (?, ?, ?, ?, ?)",
                userId,
                hash(token),
                by.id(),
                Timestamp.from(now),
                Timestamp.from(expires));
        String link = publicUrl + "/account/password/" + token;
        String email = (String) user.get("email");
        String emailedTo = null;
        if (email != null && !email.isBlank()) {
            Delivery delivery =
                    messages.email(email, subject(), text((String) user.get("display_name"), link, expires));
            if (delivery.status() == Delivery.Status.SENT) {
                emailedTo = email;
            }
        }
        return new Issued(username.strip(), link, expires, emailedTo);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LinkView> find(String token) {
        return jdbc
                .query(
                        """
                select u.username, u.display_name, l.expires_at from password_links l join app_users u on u.id = l.user_id
                 where l.token_hash = ? and l.used_at is null and l.expires_at > ? and u.enabled = true""",
                        (rs, n) -> new LinkView(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()),
                        hash(token),
                        Timestamp.from(clock.instant()))
                .stream()
                .findFirst();
    }

    @Override
    @Transactional
    public void setPassword(String token, String password, String confirmation) {
        LinkView link = find(token).orElseThrow(() -> new AccountRefused(404, "accounts.error.linkInvalid"));
        String pw = password == null ? "" : password;
        if (!pw.equals(confirmation)) {
            throw new AccountRefused(400, "accounts.error.passwordMismatch");
        }
        if (pw.length() < MIN_LENGTH || pw.length() > MAX_LENGTH) {
            throw new AccountRefused(400, "accounts.error.passwordLength", MIN_LENGTH, MAX_LENGTH);
        }
        String lower = pw.toLowerCase(Locale.ROOT);
        if (lower.contains(link.username().toLowerCase(Locale.ROOT))
                || TOO_COMMON.contains(lower)
                || lower.chars().distinct().count() < 4) {
            throw new AccountRefused(400, "accounts.error.passwordWeak");
        }
        Instant now = clock.instant();
        int used = jdbc.update(
                "update password_links set used_at = ? where token_hash = ? and used_at is null",
                Timestamp.from(now),
                hash(token));
        if (used == 0) {
            throw new AccountRefused(404, "accounts.error.linkInvalid");
        }
        jdbc.update(
                "update app_users set password_hash = ?, failed_attempts = 0, locked_until = null where username = ?",
                encoder.encode(pw),
                link.username());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountRow> accounts(String query, int limit) {
        String like = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)) + "%";
        Map<String, List<String>> roles = new LinkedHashMap<>();
        List<AccountRow> rows = new ArrayList<>();
        jdbc.query(
                """
                select u.username, u.display_name, u.email, u.enabled, u.password_hash, u.last_login_at, r.role
                  from app_users u left join user_roles r on r.user_id = u.id
                 where lower(u.username) like ? or lower(u.display_name) like ?
                 order by u.username, r.role""",
                rs -> {
                    String username = rs.getString(1);
                    if (!roles.containsKey(username)) {
                        roles.put(username, new ArrayList<>());
                        Timestamp last = rs.getTimestamp(6);
                        rows.add(new AccountRow(
                                username,
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                !UserImports.NO_PASSWORD.equals(rs.getString(5)),
                                last == null ? null : last.toInstant(),
                                roles.get(username)));
                    }
                    if (rs.getString(7) != null) {
                        roles.get(username).add(rs.getString(7));
                    }
                },
                like,
                like);
        return rows.stream()
                .sorted(java.util.Comparator.comparing(AccountRow::hasPassword))
                .limit(Math.max(1, Math.min(limit, 500)))
                .toList();
    }

    private static String subject() {
        return "设置您的 Backstop 密码 / Set your Backstop password";
    }

    private String text(String name, String link, Instant expires) {
        String until = deskTime.minute(expires) + " " + deskTime.zone().getId();
        return """
                %s，您好：

                管理员为您的 Backstop 服务台账号创建了设置密码的链接。请在 %s 前打开以下链接设置密码，链接只能使用一次：
                %s

                如果您没有申请，请忽略本邮件。

                Hello %s,

                An administrator created a link for you to set the password of your Backstop service desk account. Open it
                before %s to choose your password; the link works once:
                %s

                If you did not expect this, ignore this e-mail.
                """.formatted(name, until, link, name, until, link);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
