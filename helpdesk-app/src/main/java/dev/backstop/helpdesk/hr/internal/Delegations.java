package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.DelegationScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What employees let family members see and do. A delegation counts only between {@code valid_from} and
 * {@code valid_until} and until it is ended: every check asks the database with the current time, so ending or expiry
 * takes effect on the very next request (nothing is cached in a session).
 */
@Repository
public class Delegations {

    private final JdbcTemplate jdbc;

    Delegations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Delegation(
            long id,
            long employeeId,
            long familyMemberId,
            String familyMemberName,
            String relation,
            Set<DelegationScope> scopes,
            Instant validFrom,
            Instant validUntil,
            Instant endedAt) {

        public boolean activeAt(Instant now) {
            return endedAt == null && !validFrom.isAfter(now) && validUntil.isAfter(now);
        }
    }

    /** The active delegation of this family member's employee that grants the scope. */
    Optional<Delegation> active(long familyMemberId, long employeeId, DelegationScope scope, Instant now) {
        return query(
                        "d.family_member_id = ? and d.employee_id = ? and d.ended_at is null and d.valid_from <= ? and d.valid_until > ?",
                        familyMemberId,
                        employeeId,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .stream()
                .filter(d -> d.scopes().contains(scope))
                .findFirst();
    }

    /** The employees whose active delegation to this family member grants the scope now. */
    List<Long> employeesGranting(long familyMemberId, DelegationScope scope, Instant now) {
        return query(
                        "d.family_member_id = ? and d.ended_at is null and d.valid_from <= ? and d.valid_until > ?",
                        familyMemberId,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .stream()
                .filter(d -> d.scopes().contains(scope))
                .map(Delegation::employeeId)
                .distinct()
                .toList();
    }

    List<Delegation> of(long employeeId) {
        return query("d.employee_id = ?", employeeId);
    }

    long create(
            long employeeId,
            long familyMemberId,
            Set<DelegationScope> scopes,
            Instant from,
            Instant until,
            Instant now) {
        jdbc.update(
                """
                insert into hr_delegations (employee_id, family_member_id, scopes, valid_from, valid_until, created_at)
                values (?, ?, ?, ?, ?, ?)""",
                employeeId,
                familyMemberId,
                scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                Timestamp.from(from),
                Timestamp.from(until),
                Timestamp.from(now));
        return jdbc.queryForObject(
                "select max(id) from hr_delegations where employee_id = ? and family_member_id = ?",
                Long.class,
                employeeId,
                familyMemberId);
    }

    /** Ends the employee's own delegation now; false when there is none such (or it had ended). */
    boolean end(long employeeId, long delegationId, Instant now) {
        return jdbc.update(
                        "update hr_delegations set ended_at = ? where id = ? and employee_id = ? and ended_at is null",
                        Timestamp.from(now),
                        delegationId,
                        employeeId)
                == 1;
    }

    private List<Delegation> query(String where, Object... args) {
        return jdbc.query(
                """
                select d.*, f.name, f.relation from hr_delegations d join family_members f on f.id = d.family_member_id
                 where %s order by d.created_at desc, d.id desc""".formatted(where),
                (rs, n) -> new Delegation(
                        rs.getLong("id"),
                        rs.getLong("employee_id"),
                        rs.getLong("family_member_id"),
                        rs.getString("name"),
                        rs.getString("relation"),
                        scopes(rs.getString("scopes")),
                        rs.getTimestamp("valid_from").toInstant(),
                        rs.getTimestamp("valid_until").toInstant(),
                        rs.getTimestamp("ended_at") == null
                                ? null
                                : rs.getTimestamp("ended_at").toInstant()),
                args);
    }

    private static Set<DelegationScope> scopes(String text) {
        Set<DelegationScope> scopes = EnumSet.noneOf(DelegationScope.class);
        Arrays.stream(text.split(","))
                .filter(s -> !s.isBlank())
                .forEach(s -> scopes.add(DelegationScope.valueOf(s.strip())));
        return scopes;
    }
}
