package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import dev.backstop.helpdesk.calls.PbxUnknown;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.identity.UserDirectory;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.helpdesk.tickets.Desk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The telephony set-up admins manage: PBX endpoints (one token each, only its SHA-256 hash stored: the token is 32
 * random bytes, so a fast hash suffices, as for API tokens), hotline numbers → desks, agents' extensions, blocked
 * caller numbers. Also who the staff are by extension, login or name, and who serves a desk.
 *
 * <p>About 360 lines on purpose: the tables of the one telephony set-up page (PBX endpoints, hotlines, extensions,
 * blocked numbers) and the staff look-ups the CTI events need, with one normalization of numbers; each method is
 * one or two statements.
 */
@Component
class Telephony {

    record Pbx(long id, String name, long actsAs) {}

    record PbxInfo(long id, String name, String actsAs, java.time.Instant createdAt, boolean revoked) {}

    record IssuedPbx(long id, String name, String token) {}

    record Hotline(String number, Desk desk, String name) {}

    record Extension(long userId, String username, String displayName, String extension) {}

    record Blocked(String number, String note) {}

    /** A PBX that dials out when asked: its name and click-to-dial URL. */
    record Dialer(long id, String name, String url) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final UserDirectory users;
    private final SecureRandom random = new SecureRandom();

    Telephony(JdbcTemplate jdbc, Clock clock, UserDirectory users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
    }

    // --- PBX endpoints

    Pbx pbx(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new PbxUnknown();
        }
        return jdbc
                .query(
                        "select id, name, acts_as from pbx_endpoints where token_hash = ? and revoked = false",
                        (rs, i) -> new Pbx(rs.getLong(1), rs.getString(2), rs.getLong(3)),
                        sha256(token))
                .stream()
                .findFirst()
                .orElseThrow(PbxUnknown::new);
    }

    @Transactional
    IssuedPbx issue(String name, CurrentUser by) {
        String token = "pbx_" + HexFormat.of().formatHex(bytes());
        return new IssuedPbx(register(name, token, by.id()), name.strip(), token);
    }

    /** Registers a PBX with a token of the caller's choosing (demo data: {@code demo-pbx}). */
    @Transactional
    long register(String name, String token, long actsAs) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new CallRefused("calls.error.pbxName", String.valueOf(name));
        }
        jdbc.update(
                "insert into pbx_endpoints (name, token_hash, acts_as, created_at) values (?, ?, ?, ?)",
                name.strip(),
                sha256(token),
                actsAs,
                Timestamp.from(clock.instant()));
        return jdbc.queryForObject("select id from pbx_endpoints where token_hash = ?", Long.class, sha256(token));
    }

    List<PbxInfo> endpoints() {
        return jdbc.query(
                """
                select p.id, p.name, u.username, p.created_at, p.revoked from pbx_endpoints p join app_users u on u.id = p.acts_as
                 order by p.id""",
                (rs, i) -> new PbxInfo(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)));
    }

    @Transactional
    boolean revoke(long id) {
        return jdbc.update("update pbx_endpoints set revoked = true where id = ?", id) == 1;
    }

    /** The first PBX in service with a click-to-dial URL. */
    Optional<Dialer> dialer() {
        return jdbc.query("""
                        select id, name, click_to_dial_url from pbx_endpoints
                         where revoked = false and click_to_dial_url is not null order by id fetch first 1 rows only""", (rs, i) -> new Dialer(rs.getLong(1), rs.getString(2), rs.getString(3))).stream()
                .findFirst();
    }

    /** Sets (or with blank clears) the PBX's click-to-dial URL; an http(s) URL only. */
    @Transactional
    boolean setClickToDial(long id, String url) {
        String value = url == null || url.isBlank() ? null : url.strip();
        if (value != null && (value.length() > 1000 || !value.matches("(?i)https?://\\S+"))) {
            throw new CallRefused("calls.error.clickToDialUrl", value);
        }
        return jdbc.update("update pbx_endpoints set click_to_dial_url = ? where id = ?", value, id) == 1;
    }

    record StaffPhone(String username, String displayName, String phone) {}

    List<StaffPhone> staffPhones() {
        return jdbc.query(
                "select username, display_name, phone from app_users where phone is not null order by username",
                (rs, i) -> new StaffPhone(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Gives a staff user their phone number (blank: none), by which their calls are recognised. */
    @Transactional
    StaffPhone setPhone(String username, String phone) {
        List<Long> ids = jdbc.queryForList("""
                select u.id from app_users u where u.username = ? and exists (select 1 from user_roles r where r.user_id = u.id
                   and r.role not in ('DISTRIBUTOR', 'EMPLOYEE', 'FAMILY'))""", Long.class, username == null ? "" : username.strip());
        if (ids.isEmpty()) {
            throw new CallRefused("calls.error.noSuchAgent", String.valueOf(username));
        }
        String value = phone == null || phone.isBlank() ? null : phone.strip();
        String digits = value == null ? null : PhoneNumbers.digits(value);
        if (value != null && (digits == null || digits.length() < 5 || digits.length() > 20 || value.length() > 64)) {
            throw new CallRefused("calls.error.number", value);
        }
        jdbc.update("update app_users set phone = ?, phone_digits = ? where id = ?", value, digits, ids.getFirst());
        return jdbc.queryForObject(
                "select username, display_name, phone from app_users where id = ?",
                (rs, i) -> new StaffPhone(rs.getString(1), rs.getString(2), rs.getString(3)),
                ids.getFirst());
    }

    Optional<String> extensionOf(long userId) {
        return jdbc
                .queryForList("select extension from agent_extensions where user_id = ?", String.class, userId)
                .stream()
                .findFirst();
    }

    // --- hotlines

    Optional<Desk> deskOf(String number) {
        String digits = PhoneNumbers.digits(number);
        if (digits == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("select desk from hotlines where number_digits = ?", String.class, digits).stream()
                .findFirst()
                .map(Desk::valueOf);
    }

    List<Hotline> hotlines() {
        return jdbc.query(
                "select number_digits, desk, name from hotlines order by number_digits",
                (rs, i) -> new Hotline(rs.getString(1), Desk.valueOf(rs.getString(2)), rs.getString(3)));
    }

    @Transactional
    Hotline setHotline(String number, String desk, String name) {
        String digits = number(number);
        Desk target;
        try {
            target = Desk.valueOf(desk == null ? "" : desk.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CallRefused("calls.error.hotlineDesk", String.valueOf(desk));
        }
        String label = name == null || name.isBlank() ? digits : name.strip();
        if (label.length() > 100) {
            throw new CallRefused("calls.error.pbxName", label);
        }
        if (jdbc.update("update hotlines set desk = ?, name = ? where number_digits = ?", target.name(), label, digits)
                == 0) {
            jdbc.update(
                    "insert into hotlines (number_digits, desk, name) values (?, ?, ?)", digits, target.name(), label);
        }
        return new Hotline(digits, target, label);
    }

    @Transactional
    boolean removeHotline(String number) {
        return jdbc.update("delete from hotlines where number_digits = ?", number(number)) == 1;
    }

    // --- blocked callers

    boolean blocked(String number) {
        String digits = PhoneNumbers.digits(number);
        return digits != null
                && !jdbc.queryForList("select 1 from blocked_callers where number_digits = ?", Integer.class, digits)
                        .isEmpty();
    }

    List<Blocked> blockedCallers() {
        return jdbc.query(
                "select number_digits, note from blocked_callers order by number_digits",
                (rs, i) -> new Blocked(rs.getString(1), rs.getString(2)));
    }

    @Transactional
    Blocked block(String number, String note) {
        String digits = number(number);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 200) {
            throw new CallRefused("calls.error.noteTooLong", 200);
        }
        if (jdbc.update("update blocked_callers set note = ? where number_digits = ?", text, digits) == 0) {
            jdbc.update(
                    "insert into blocked_callers (number_digits, note, created_at) values (?, ?, ?)",
                    digits,
                    text,
                    Timestamp.from(clock.instant()));
        }
        return new Blocked(digits, text);
    }

    @Transactional
    boolean unblock(String number) {
        return jdbc.update("delete from blocked_callers where number_digits = ?", number(number)) == 1;
    }

    // --- extensions and staff

    List<Extension> extensions() {
        return jdbc.query(
                """
                select u.id, u.username, u.display_name, x.extension from agent_extensions x join app_users u on u.id = x.user_id
                 order by x.extension""", (rs, i) -> new Extension(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** Gives the staff user this extension (blank: none); an extension belongs to one user. */
    @Transactional
    Extension setExtension(String username, String extension) {
        List<Long> ids = jdbc.queryForList("""
                select u.id from app_users u where u.username = ? and exists (select 1 from user_roles r where r.user_id = u.id
                   and r.role not in ('DISTRIBUTOR', 'EMPLOYEE', 'FAMILY'))""", Long.class, username == null ? "" : username.strip());
        if (ids.isEmpty()) {
            throw new CallRefused("calls.error.noSuchAgent", String.valueOf(username));
        }
        long userId = ids.getFirst();
        jdbc.update("delete from agent_extensions where user_id = ?", userId);
        String ext = extension == null ? "" : extension.strip();
        if (!ext.isEmpty()) {
            if (!ext.matches("[0-9A-Za-z*#+._-]{1,32}")) {
                throw new CallRefused("calls.error.extension", ext);
            }
            Long other =
                    jdbc
                            .queryForList("select user_id from agent_extensions where extension = ?", Long.class, ext)
                            .stream()
                            .findFirst()
                            .orElse(null);
            if (other != null) {
                throw new CallRefused("calls.error.extensionTaken", ext);
            }
            jdbc.update("insert into agent_extensions (user_id, extension) values (?, ?)", userId, ext);
        }
        return jdbc.query(
                        """
                select u.id, u.username, u.display_name, x.extension from app_users u
                  left join agent_extensions x on x.user_id = u.id where u.id = ?""",
                        (rs, i) -> new Extension(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        userId)
                .getFirst();
    }

    /**
     * The staff user a PBX names, as Zammad looks up {@code answeringNumber} (phone, login, id), with the display name
     * ({@code user[]} carries real names) last.
     */
    Optional<Long> staffBy(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        Optional<Long> found = first("select user_id from agent_extensions where extension = ?", v)
                .or(() -> first("select id from app_users where username = ? and enabled = true", v))
                .or(() -> first("select id from app_users where lower(email) = lower(?) and enabled = true", v))
                .or(() -> v.matches("\\d{1,18}")
                        ? first("select id from app_users where id = ? and enabled = true", Long.parseLong(v))
                        : Optional.empty());
        if (found.isPresent()) {
            return found;
        }
        List<Long> byName =
                jdbc.queryForList("select id from app_users where display_name = ? and enabled = true", Long.class, v);
        return byName.size() == 1 ? Optional.of(byName.getFirst()) : Optional.empty();
    }

    private Optional<Long> first(String sql, Object arg) {
        return jdbc.queryForList(sql, Long.class, arg).stream().findFirst();
    }

    /** The enabled users who take calls at this desk: its agents (not supervisors, who watch). */
    List<Long> agentsOf(Desk desk) {
        Set<Role> roles = switch (desk) {
            case CHANNEL -> EnumSet.of(Role.CHANNEL_AGENT);
            case EXPERT -> EnumSet.of(Role.EXPERT);
            case HR -> EnumSet.of(Role.HR_AGENT, Role.HR_PAYROLL);
        };
        String in =
                String.join(",", roles.stream().map(r -> "'" + r.name() + "'").toList());
        return jdbc.queryForList(
                "select distinct u.id from app_users u join user_roles r on r.user_id = u.id where u.enabled = true"
                        + " and r.role in (" + in + ") order by u.id",
                Long.class);
    }

    /** The staff user as the rest of the app knows them (to act as the PBX's user or the answering agent). */
    CurrentUser user(long userId) {
        return users.byId(userId).orElseThrow(() -> new IllegalStateException("no user " + userId));
    }

    private static String number(String number) {
        String digits = PhoneNumbers.digits(number);
        if (digits == null || digits.length() < 3 || digits.length() > 24) {
            throw new CallRefused("calls.error.number", String.valueOf(number));
        }
        return digits;
    }

    private byte[] bytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
