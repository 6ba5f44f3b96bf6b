package dev.backstop.helpdesk.distributors;

import dev.backstop.helpdesk.shared.PhoneNumbers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds distributor accounts by code, name, contact name, contact e-mail or contact phone (any common Chinese format:
 * {@code +86 138 0013 8000}, {@code 13800138000}, {@code 010-8888 6666}). Not scoped: the callers decide who may
 * see which account (the channel desk: staff all, a distributor only its own).
 */
@Service
public class DistributorDirectory {

    private static final Pattern PHONE_LIKE = Pattern.compile("[+()\\d\\s-]{5,}");
    private static final int LIMIT = 20;

    private final JdbcTemplate jdbc;

    DistributorDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Exact code first, then phone matches, then names containing the text; at most 20. */
    public List<Distributor.Match> find(String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (PHONE_LIKE.matcher(text).matches()) {
            String digits = PhoneNumbers.digits(text);
            if (digits != null && digits.length() >= 5) {
                return jdbc.query("""
                        select d.id, d.code, d.name, r.name, r.name_en, d.tier, d.status, c.name, c.phone
                          from distributor_contacts c join distributors d on d.id = c.distributor_id
                          left join regions r on r.id = d.region_id
                         where c.phone_digits = ? or c.phone_digits like ?
                         order by case when c.phone_digits = ? then 0 else 1 end, d.code
                         fetch first 20 rows only""", DistributorDirectory::match, digits, "%" + digits, digits);
            }
        }
        if (text.contains("@")) {
            return jdbc.query("""
                    select d.id, d.code, d.name, r.name, r.name_en, d.tier, d.status, c.name, c.email
                      from distributor_contacts c join distributors d on d.id = c.distributor_id
                      left join regions r on r.id = d.region_id
                     where lower(c.email) = ? order by d.code fetch first 20 rows only""", DistributorDirectory::match, text.toLowerCase(Locale.ROOT));
        }
        String like = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return jdbc.query(
                """
                select d.id, d.code, d.name, r.name, r.name_en, d.tier, d.status,
                       (select min(c.name) from distributor_contacts c
                         where c.distributor_id = d.id and lower(c.name) like ? escape '\\'), null
                  from distributors d left join regions r on r.id = d.region_id
                 where lower(d.code) = ? or lower(d.name) like ? escape '\\'
                    or exists (select 1 from distributor_contacts c
                                where c.distributor_id = d.id and lower(c.name) like ? escape '\\')
                 order by case when lower(d.code) = ? then 0 else 1 end, d.code
                 fetch first 20 rows only""",
                DistributorDirectory::match,
                like,
                text.toLowerCase(Locale.ROOT),
                like,
                like,
                text.toLowerCase(Locale.ROOT));
    }

    public Optional<Distributor> byCode(String code) {
        return one("d.code = ?", code);
    }

    public Optional<Distributor> byId(long id) {
        return one("d.id = ?", id);
    }

    private Optional<Distributor> one(String where, Object key) {
        List<Distributor> found = jdbc.query(
                """
                select d.id, d.code, d.name, r.code, r.name, r.name_en, d.tier, e.name, d.credit_limit, d.status, d.phone,
                       d.address
                  from distributors d left join regions r on r.id = d.region_id
                  left join employees e on e.id = d.account_manager_id""" + " where " + where,
                (rs, i) -> new Distributor(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBigDecimal(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        List.of()),
                key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Distributor d = found.getFirst();
        List<Distributor.Contact> contacts = jdbc.query(
                """
                select id, name, title, phone, email, primary_contact from distributor_contacts where distributor_id = ?
                 order by primary_contact desc, name""",
                (rs, i) -> new Distributor.Contact(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)),
                d.id());
        return Optional.of(new Distributor(
                d.id(),
                d.code(),
                d.name(),
                d.regionCode(),
                d.regionName(),
                d.regionNameEn(),
                d.tier(),
                d.accountManager(),
                d.creditLimit(),
                d.status(),
                d.phone(),
                d.address(),
                contacts));
    }

    private static Distributor.Match match(ResultSet rs, int row) throws SQLException {
        return new Distributor.Match(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9));
    }
}
