package dev.backstop.helpdesk.notifications;

/**
 * A portal user's choice: the channel they are told on, their language ({@code zh} or {@code en}) and, for SMS, the
 * mobile number (blank: the number the desk has for them).
 *
 * @param stored false when the user never chose (the defaults are shown)
 */
public record RequesterPreference(NoticeChannel channel, String language, String phone, boolean stored) {

    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("zh", "en");
}
