package dev.backstop.helpdesk.notifications.internal;

import dev.backstop.helpdesk.notifications.NoticeChannel;
import dev.backstop.helpdesk.notifications.RequesterPreference;
import dev.backstop.helpdesk.notifications.RequesterPreferences;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TimelineEntry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the requester of a ticket as someone to tell: the portal user behind it (who opened it in the portal, or whose
 * employee / family record / distributor contact address it names) with their preference, else — for a ticket that came
 * by e-mail — the address it came from. A requester without a portal account who called or was called is not told here
 * (they hear it on the phone; channel requests' answers are e-mailed by {@code channel}); a front-line rep asking the
 * expert desk is staff.
 */
@Component
class Recipients {

    private final JdbcTemplate jdbc;
    private final RequesterPreferences preferences;

    Recipients(JdbcTemplate jdbc, RequesterPreferences preferences) {
        this.jdbc = jdbc;
        this.preferences = preferences;
    }

    Optional<Recipient> of(TicketDetails ticket) {
        Requester requester = ticket.requester();
        if (requester == null || requester.kind() == RequesterKind.FRONTLINE_REP) {
            return Optional.empty();
        }
        Optional<Long> user = portalUser(ticket, requester);
        if (user.isPresent()) {
            long id = user.get();
            RequesterPreference preference = preferences.of(id);
            String email = first(jdbc.queryForList("select email from app_users where id = ?", String.class, id));
            if (blank(email)) {
                email = requester.email();
            }
            String phone = blank(preference.phone()) ? phoneOnRecord(requester) : preference.phone();
            return Optional.of(new Recipient(
                    "user:" + id, id, requester.name(), email, phone, preference.channel(), preference.language()));
        }
        // without a portal account only someone who wrote in by e-mail has told us where to answer
        String email = ticket.channel() == Channel.EMAIL ? requester.email() : null;
        if (blank(email)) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(
                "email:" + email.strip().toLowerCase(Locale.ROOT),
                null,
                requester.name(),
                email.strip(),
                null,
                NoticeChannel.EMAIL,
                guessLanguage(ticket)));
    }

    private Optional<Long> portalUser(TicketDetails ticket, Requester requester) {
        Long creator = ticket.timeline().stream()
                .filter(e -> e.kind() == ArticleKind.CREATED)
                .map(TimelineEntry::authorId)
                .findFirst()
                .orElse(null);
        if (creator != null && isPortalUser(creator)) {
            return Optional.of(creator);
        }
        if (requester.ref() == null) {
            return Optional.empty();
        }
        List<Long> users = switch (requester.kind()) {
            case EMPLOYEE -> jdbc.queryForList("""
                            select u.id from app_users u join user_roles r on r.user_id = u.id and r.role = 'EMPLOYEE'
                             where u.enabled = true and u.employee_id = ? and u.family_member_id is null order by u.id""", Long.class, requester.ref());
            case FAMILY_MEMBER -> jdbc.queryForList("""
                            select u.id from app_users u join user_roles r on r.user_id = u.id and r.role = 'FAMILY'
                             where u.enabled = true and u.family_member_id = ? order by u.id""", Long.class, requester.ref());
            case DISTRIBUTOR_CONTACT -> jdbc.queryForList("""
                            select u.id from app_users u
                              join user_roles r on r.user_id = u.id and r.role = 'DISTRIBUTOR'
                              join distributor_contacts c on c.distributor_id = u.distributor_id
                             where u.enabled = true and c.id = ? and c.email is not null and lower(u.email) = lower(c.email)
                             order by u.id""", Long.class, requester.ref());
            default -> List.of();
        };
        return users.stream().findFirst();
    }

    private boolean isPortalUser(long userId) {
        List<String> roles = jdbc.queryForList("select role from user_roles where user_id = ?", String.class, userId);
        return !roles.isEmpty()
                && roles.stream().allMatch(r -> r.equals("DISTRIBUTOR") || r.equals("EMPLOYEE") || r.equals("FAMILY"));
    }

    private String phoneOnRecord(Requester requester) {
        if (!blank(requester.phone())) {
            return requester.phone();
        }
        if (requester.ref() == null) {
            return null;
        }
        return switch (requester.kind()) {
            case DISTRIBUTOR_CONTACT ->
                first(jdbc.queryForList(
                        "select phone from distributor_contacts where id = ?", String.class, requester.ref()));
            case EMPLOYEE ->
                first(jdbc.queryForList("select phone from employees where id = ?", String.class, requester.ref()));
            case FAMILY_MEMBER ->
                first(jdbc.queryForList(
                        "select phone from family_members where id = ?", String.class, requester.ref()));
            default -> null;
        };
    }

    /** A requester without an account wrote in the language of their ticket: Chinese if it has Han characters. */
    static String guessLanguage(TicketDetails ticket) {
        String text = (ticket.subject() == null ? "" : ticket.subject())
                + (ticket.description() == null ? "" : ticket.description());
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "zh"
                : "en";
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.getFirst();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
