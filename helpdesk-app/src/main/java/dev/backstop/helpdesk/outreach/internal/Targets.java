package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.outreach.CampaignRefused;
import dev.backstop.helpdesk.outreach.DeliveryStatus;
import dev.backstop.helpdesk.outreach.MessageLanguage;
import dev.backstop.helpdesk.outreach.OutreachChannel;
import dev.backstop.helpdesk.outreach.Recipient;
import dev.backstop.helpdesk.outreach.TargetGroup;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves a campaign's filter to its recipients: active distributors of the regions and tiers (addressed through
 * their primary contact) or employees of the branches. A target without an address for the channel is kept, as
 * SKIPPED with the reason, never dropped.
 */
@Component
class Targets {

    static final List<String> TIERS = List.of("VIP", "KEY", "SPECIAL", "GENERAL");

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A resolved target: how it shows, and the distributor contact it addresses (null for employees). */
    record Target(Recipient recipient, Long contactId) {}

    record Filter(
            TargetGroup audience,
            List<String> regions,
            List<String> tiers,
            List<String> branches,
            OutreachChannel channel) {}

    private final JdbcTemplate jdbc;

    Targets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Normalised filter (upper-case codes, sorted, no duplicates); refuses unknown codes and a filter of the other group. */
    Filter check(
            TargetGroup audience,
            List<String> regions,
            List<String> tiers,
            List<String> branches,
            OutreachChannel channel) {
        if (audience == null) {
            throw CampaignRefused.invalid("outreach.error.audienceRequired");
        }
        if (channel == null) {
            throw CampaignRefused.invalid("outreach.error.channelRequired");
        }
        List<String> r = codes(regions);
        List<String> t = codes(tiers);
        List<String> b = codes(branches);
        if (audience == TargetGroup.DISTRIBUTORS && !b.isEmpty()) {
            throw CampaignRefused.invalid("outreach.error.filterNotForAudience", "branches");
        }
        if (audience == TargetGroup.EMPLOYEES && (!r.isEmpty() || !t.isEmpty())) {
            throw CampaignRefused.invalid("outreach.error.filterNotForAudience", r.isEmpty() ? "tiers" : "regions");
        }
        known(r, "regions", "outreach.error.unknownRegion");
        known(b, "branches", "outreach.error.unknownBranch");
        for (String tier : t) {
            if (!TIERS.contains(tier)) {
                throw CampaignRefused.invalid("outreach.error.unknownTier", tier, String.join(", ", TIERS));
            }
        }
        return new Filter(audience, r, t, b, channel);
    }

    List<Target> resolve(Filter filter) {
        return filter.audience() == TargetGroup.DISTRIBUTORS ? distributors(filter) : employees(filter);
    }

    private List<Target> distributors(Filter filter) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select d.id, d.code, d.name, c.id, c.name, c.email, c.phone,
                       (select min(u.locale) from app_users u where u.distributor_id = d.id and u.locale is not null)
                  from distributors d
                  left join regions r on r.id = d.region_id
                  left join distributor_contacts c on c.id = (select min(p.id) from distributor_contacts p
                                                               where p.distributor_id = d.id and p.primary_contact = true)
                 where d.status = 'ACTIVE'""");
        in(sql, args, "r.code", filter.regions());
        in(sql, args, "d.tier", filter.tiers());
        sql.append(" order by d.code");
        return jdbc.query(
                sql.toString(),
                (rs, i) -> {
                    Long contact = (Long) rs.getObject(4, Long.class);
                    String name = contact == null ? rs.getString(3) : rs.getString(5);
                    return recipient(
                            TargetGroup.DISTRIBUTORS,
                            rs.getLong(1),
                            contact,
                            rs.getString(2),
                            name,
                            rs.getString(3),
                            rs,
                            6,
                            filter.channel(),
                            contact == null ? "outreach.skip.noContact" : null);
                },
                args.toArray());
    }

    private List<Target> employees(Filter filter) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select e.id, e.employee_no, e.name, e.email, e.phone,
                       (select min(u.locale) from app_users u where u.employee_id = e.id and u.locale is not null)
                  from employees e left join branches b on b.id = e.branch_id
                 where 1 = 1""");
        in(sql, args, "b.code", filter.branches());
        sql.append(" order by e.employee_no");
        return jdbc.query(
                sql.toString(),
                (rs, i) -> recipient(
                        TargetGroup.EMPLOYEES,
                        rs.getLong(1),
                        null,
                        rs.getString(2),
                        rs.getString(3),
                        null,
                        rs,
                        4,
                        filter.channel(),
                        null),
                args.toArray());
    }

    /** Columns from {@code at}: e-mail, phone, account locale. */
    private static Target recipient(
            TargetGroup kind,
            long ref,
            Long contact,
            String code,
            String name,
            String organization,
            ResultSet rs,
            int at,
            OutreachChannel channel,
            String missing)
            throws SQLException {
        String email = rs.getString(at);
        String phone = rs.getString(at + 1);
        MessageLanguage language = language(rs.getString(at + 2));
        String address = null;
        String reason = missing;
        if (reason == null && channel == OutreachChannel.EMAIL) {
            if (email != null && EMAIL.matcher(email.strip()).matches()) {
                address = email.strip();
            } else {
                reason = "outreach.skip.noEmail";
            }
        } else if (reason == null) {
            String digits = PhoneNumbers.digits(phone);
            if (digits != null && MOBILE.matcher(digits).matches()) {
                address = digits;
            } else {
                reason = digits == null ? "outreach.skip.noPhone" : "outreach.skip.notMobile";
            }
        }
        return new Target(
                new Recipient(
                        null,
                        kind,
                        ref,
                        code,
                        name,
                        organization,
                        address,
                        language,
                        reason == null ? DeliveryStatus.QUEUED : DeliveryStatus.SKIPPED,
                        reason,
                        null,
                        null,
                        null,
                        null,
                        null),
                contact);
    }

    static MessageLanguage language(String locale) {
        if (locale == null || locale.isBlank()) {
            return MessageLanguage.BOTH;
        }
        String l = locale.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("en") ? MessageLanguage.EN : l.startsWith("zh") ? MessageLanguage.ZH : MessageLanguage.BOTH;
    }

    private void known(List<String> codes, String table, String error) {
        if (codes.isEmpty()) {
            return;
        }
        List<String> existing = jdbc.queryForList("select code from " + table, String.class).stream()
                .map(c -> c.toUpperCase(Locale.ROOT))
                .toList();
        for (String code : codes) {
            if (!existing.contains(code)) {
                throw CampaignRefused.invalid(error, code);
            }
        }
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" and upper(")
                .append(column)
                .append(") in (")
                .append(String.join(", ", Collections.nCopies(values.size(), "?")))
                .append(')');
        args.addAll(values);
    }

    static List<String> codes(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream()
                .filter(s -> s != null)
                .flatMap(s -> java.util.Arrays.stream(s.split("[,，;；\\s]+")))
                .map(s -> s.strip().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }
}
