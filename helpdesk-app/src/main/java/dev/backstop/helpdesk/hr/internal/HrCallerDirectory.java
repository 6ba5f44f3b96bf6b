package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.HrCallers;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Employees' and family members' numbers are stored as the HR file gave them ({@code 139-1000-0000},
 * {@code +86 139…}). The database narrows by the last four digits (which no common format splits), the exact match is
 * on the canonical digits.
 */
@Service
class HrCallerDirectory implements HrCallers {

    private final JdbcTemplate jdbc;

    HrCallerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Caller> byPhone(String digits) {
        if (digits == null || digits.length() < 5) {
            return Optional.empty();
        }
        record Candidate(Caller caller, String phone) {}
        String tail = "%" + digits.substring(digits.length() - 4);
        List<Caller> matches = jdbc
                .query(
                        """
                select e.id as employee_id, cast(null as bigint) as family_member_id, e.name, e.email, e.phone from employees e
                 where e.phone like ?
                union all
                select f.employee_id, f.id, f.name, cast(null as varchar(200)), f.phone from family_members f
                 where f.phone like ?""",
                        (rs, n) -> new Candidate(
                                new Caller(
                                        rs.getLong("employee_id"),
                                        rs.getObject("family_member_id") == null
                                                ? null
                                                : rs.getLong("family_member_id"),
                                        rs.getString("name"),
                                        rs.getString("email")),
                                rs.getString("phone")),
                        tail,
                        tail)
                .stream()
                .filter(c -> digits.equals(PhoneNumbers.digits(c.phone())))
                .map(Candidate::caller)
                .toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    @Override
    public List<Found> find(String text) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        String digits = PhoneNumbers.digits(query);
        boolean phoneLike = digits != null && digits.length() >= 5 && query.matches("[+()\\d\\s-]{5,}");
        String like = phoneLike
                ? "%" + digits.substring(digits.length() - 4)
                : "%"
                        + query.toLowerCase(java.util.Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        // the database narrows (by the last four digits, or by name / employee number); the exact phone match is in
        // Java
        String employees = phoneLike ? "e.phone like ?" : "(lower(e.name) like ? escape '\\' or e.employee_no = ?)";
        String family = phoneLike ? "f.phone like ?" : "(lower(f.name) like ? escape '\\' or e.employee_no = ?)";
        Object[] args = phoneLike ? new Object[] {like, like} : new Object[] {like, query, like, query};
        return jdbc
                .query(
                        """
                select * from (
                  select e.id as employee_id, cast(null as bigint) as family_member_id, e.name, e.email, e.phone,
                         e.employee_no, e.name as employee_name, cast(null as varchar(16)) as relation, 0 as kind
                    from employees e where %s
                  union all
                  select f.employee_id, f.id, f.name, cast(null as varchar(200)), f.phone, e.employee_no, e.name, f.relation, 1
                    from family_members f join employees e on e.id = f.employee_id
                   where %s) c
                 order by kind, employee_no fetch first 60 rows only""".formatted(employees, family),
                        (rs, n) -> new Found(
                                new Caller(
                                        rs.getLong("employee_id"),
                                        rs.getObject("family_member_id") == null
                                                ? null
                                                : rs.getLong("family_member_id"),
                                        rs.getString("name"),
                                        rs.getString("email")),
                                rs.getString("employee_no"),
                                rs.getString("employee_name"),
                                rs.getString("relation"),
                                rs.getString("phone")),
                        args)
                .stream()
                .filter(f -> !phoneLike || digits.equals(PhoneNumbers.digits(f.phone())))
                .limit(20)
                .toList();
    }
}
