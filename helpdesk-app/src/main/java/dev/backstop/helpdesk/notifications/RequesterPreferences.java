package dev.backstop.helpdesk.notifications;

import dev.backstop.helpdesk.shared.BackstopException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where and in which language a portal user is told about their tickets (table {@code requester_preferences}). A user
 * who never chose is told by e-mail when an address is on file (else the bell only), in the language of their account.
 */
@Service
public class RequesterPreferences {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,30}");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RequesterPreferences(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RequesterPreference of(long userId) {
        List<RequesterPreference> stored = jdbc.query(
                "select channel, language, phone from requester_preferences where user_id = ?",
                (rs, i) -> new RequesterPreference(
                        NoticeChannel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), true),
                userId);
        if (!stored.isEmpty()) {
            return stored.getFirst();
        }
        List<RequesterPreference> defaults = jdbc.query(
                "select email, locale from app_users where id = ?",
                (rs, i) -> new RequesterPreference(
                        rs.getString(1) == null || rs.getString(1).isBlank() ? NoticeChannel.BELL : NoticeChannel.EMAIL,
                        language(rs.getString(2)),
                        null,
                        false),
                userId);
        return defaults.isEmpty()
                ? new RequesterPreference(NoticeChannel.BELL, "zh", null, false)
                : defaults.getFirst();
    }

    /**
     * Stores the user's choice. Refused with a localized 400 when the language is not zh/en, the number is not a
     * phone number, or SMS is chosen without any number.
     */
    @Transactional
    public RequesterPreference save(long userId, NoticeChannel channel, String language, String phone) {
        if (channel == null) {
            throw new InvalidPreference("notifications.preferences.invalid.channel");
        }
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!RequesterPreference.LANGUAGES.contains(lang)) {
            throw new InvalidPreference("notifications.preferences.invalid.language", String.valueOf(language));
        }
        String number = phone == null || phone.isBlank() ? null : phone.strip();
        if (number != null && !PHONE.matcher(number).matches()) {
            throw new InvalidPreference("notifications.preferences.invalid.phone", number);
        }
        if (channel == NoticeChannel.SMS && number == null) {
            throw new InvalidPreference("notifications.preferences.invalid.noPhone");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update(
                "update requester_preferences set channel = ?, language = ?, phone = ?, updated_at = ? where user_id = ?",
                channel.name(),
                lang,
                number,
                now,
                userId);
        if (updated == 0) {
            jdbc.update(
                    "insert into requester_preferences (user_id, channel, language, phone, updated_at) values (?, ?, ?, ?, ?)",
                    userId,
                    channel.name(),
                    lang,
                    number,
                    now);
        }
        return new RequesterPreference(channel, lang, number, true);
    }

    static String language(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh";
    }

    /** A preference that cannot be stored (400, localized). */
    public static class InvalidPreference extends BackstopException {
        InvalidPreference(String code, Object... arguments) {
            super(400, code, arguments);
        }
    }
}
