package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.InvalidHrInput;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An employee's caller-verification factors ({@link CallerVerification}): the last 4 characters of the ID number and a
 * PIN, set or reset by an HR lead or an admin on {@code /workspace/hr/caller-factors}, over the API or by import. Only
 * password hashes are stored ({@code hr_caller_secrets}); nothing reads a factor back — the page shows whether each is
 * set and when. Every change is a {@code hr_caller_secret_changes} row (who, role, which factors, how, when, from where;
 * never the digits) in the same transaction.
 */
@Service
public class CallerSecrets {

    /** How a change came in, as written in {@code hr_caller_secret_changes.via}. */
    public enum Via {
        PAGE,
        API,
        IMPORT
    }

    /** Last 4 characters of a Chinese ID number: three digits and a digit or the check letter X. */
    static final Pattern ID_LAST4 = Pattern.compile("[0-9]{3}[0-9Xx]");

    static final Pattern PIN = Pattern.compile("[0-9]{4,8}");

    /** Whether each factor is set, and when they last changed (never the factor). */
    public record Status(
            String employeeNo, String employeeName, boolean idLast4Set, boolean pinSet, Instant updatedAt) {}

    /** One change as the HR lead's page lists it. */
    public record Change(Instant at, String who, String role, String factors, String via) {}

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    CallerSecrets(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** HR leads and admins only; anyone else is refused (the security rules stop them first). */
    static boolean mayAdminister(CurrentUser user) {
        return user.hasAny(Role.HR_LEAD, Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public Optional<Status> status(String employeeNo, CurrentUser by) {
        requireAdministrator(by);
        if (employeeNo == null || employeeNo.isBlank()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        """
                        select e.employee_no, e.name, s.id_last4_hash, s.pin_hash, s.updated_at
                          from employees e left join hr_caller_secrets s on s.employee_id = e.id
                         where e.employee_no = ?""",
                        (rs, n) -> new Status(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3) != null,
                                rs.getString(4) != null,
                                rs.getTimestamp(5) == null
                                        ? null
                                        : rs.getTimestamp(5).toInstant()),
                        employeeNo.strip())
                .stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<Change> recentChanges(CurrentUser by, int limit) {
        requireAdministrator(by);
        return jdbc.query(
                """
                select c.changed_at, c.changed_by_name, c.changed_by_role, c.factors, c.via, e.employee_no
                  from hr_caller_secret_changes c join employees e on e.id = c.employee_id
                 order by c.id desc fetch first %d rows only""".formatted(limit),
                (rs, n) -> new Change(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(6) + ": " + rs.getString(4),
                        rs.getString(5)));
    }

    /**
     * Sets the factors given (a blank one stays as it was); at least one is required. 404 for an unknown employee, 400
     * for a factor of the wrong form.
     */
    @Transactional
    public void set(String employeeNo, String idLast4, String pin, Via via, String address, CurrentUser by) {
        requireAdministrator(by);
        long employeeId = employeeId(employeeNo).orElseThrow(HrRecordNotFound::new);
        write(employeeId, idLast4, pin, via, address, by);
    }

    /** The import's path: the caller's transaction, the employee already resolved, the form already checked. */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(long employeeId, String idLast4, String pin, Via via, String address, CurrentUser by) {
        String last4 = blankToNull(idLast4);
        String newPin = blankToNull(pin);
        if (last4 == null && newPin == null) {
            throw new InvalidHrInput("hr.secrets.error.nothing");
        }
        if (last4 != null && !ID_LAST4.matcher(last4).matches()) {
            throw new InvalidHrInput("hr.secrets.error.idLast4");
        }
        if (newPin != null && !PIN.matcher(newPin).matches()) {
            throw new InvalidHrInput("hr.secrets.error.pin");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String last4Hash = last4 == null ? null : encoder.encode(last4.toUpperCase());
        String pinHash = newPin == null ? null : encoder.encode(newPin);
        int updated = jdbc.update("""
                update hr_caller_secrets set id_last4_hash = coalesce(?, id_last4_hash), pin_hash = coalesce(?, pin_hash),
                       updated_at = ? where employee_id = ?""", last4Hash, pinHash, now, employeeId);
        if (updated == 0) {
            jdbc.update(
                    "insert into hr_caller_secrets (employee_id, id_last4_hash, pin_hash, updated_at) values (?, ?, ?, ?)",
                    employeeId,
                    last4Hash,
                    pinHash,
                    now);
        }
        List<String> factors = new ArrayList<>();
        if (last4 != null) {
            factors.add(CallerVerification.Factor.ID_LAST4.name());
        }
        if (newPin != null) {
            factors.add(CallerVerification.Factor.PIN.name());
        }
        jdbc.update(
                """
                insert into hr_caller_secret_changes (employee_id, factors, changed_by, changed_by_name, changed_by_role,
                                                      via, address, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                employeeId,
                String.join(",", factors),
                by.id(),
                by.displayName() == null ? by.username() : by.displayName(),
                by.has(Role.HR_LEAD) ? Role.HR_LEAD.name() : Role.ADMIN.name(),
                via.name(),
                address,
                now);
    }

    Optional<Long> employeeId(String employeeNo) {
        if (employeeNo == null || employeeNo.isBlank()) {
            return Optional.empty();
        }
        return jdbc
                .queryForList("select id from employees where employee_no = ?", Long.class, employeeNo.strip())
                .stream()
                .findFirst();
    }

    private static void requireAdministrator(CurrentUser by) {
        if (!mayAdminister(by)) {
            throw new HrRecordNotFound();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
