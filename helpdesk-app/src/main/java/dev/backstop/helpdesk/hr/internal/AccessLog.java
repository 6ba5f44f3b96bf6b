package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.HrReadKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code hr_access_log}: one row per read of an employee's HR records by anyone but that employee. Written inside the
 * transaction that serves the read ({@link Propagation#MANDATORY}: a caller without one is a bug, not a silent
 * unlogged read), so a served read without its row cannot exist. Never the values read.
 */
@Repository
public class AccessLog {

    private final JdbcTemplate jdbc;

    AccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who read what of whose, why (the stated reason, the ticket or the delegation) and from which address. */
    public record Read(
            long employeeId,
            long readerUserId,
            String readerName,
            String readerRole,
            HrReadKind what,
            String subjectRef,
            boolean masked,
            String reason,
            Long ticketId,
            String address,
            Instant at) {}

    /** An entry as the employee sees it: a name and a role, never an id. */
    public record Entry(Instant at, String who, String role, String what, String why, boolean masked, String subject) {}

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Read read) {
        jdbc.update(
                """
                insert into hr_access_log (employee_id, reader_user_id, reader_name, reader_role, what, subject_ref, masked,
                                           reason, ticket_id, address, read_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                read.employeeId(),
                read.readerUserId(),
                read.readerName(),
                read.readerRole(),
                read.what().name(),
                read.subjectRef(),
                read.masked(),
                truncate(read.reason(), 500),
                read.ticketId(),
                truncate(read.address(), 64),
                Timestamp.from(read.at()));
    }

    List<Entry> of(long employeeId, int limit) {
        return jdbc.query(
                """
                select l.read_at, l.reader_name, l.reader_role, l.what, l.reason, l.masked, l.subject_ref, t.ticket_key
                  from hr_access_log l left join tickets t on t.id = l.ticket_id
                 where l.employee_id = ? order by l.read_at desc, l.id desc fetch first %d rows only""".formatted(limit),
                (rs, n) -> new Entry(
                        rs.getTimestamp("read_at").toInstant(),
                        rs.getString("reader_name"),
                        rs.getString("reader_role"),
                        rs.getString("what"),
                        why(rs.getString("reason"), rs.getString("ticket_key")),
                        rs.getBoolean("masked"),
                        rs.getString("subject_ref")),
                employeeId);
    }

    private static String why(String reason, String ticketKey) {
        if (ticketKey == null) {
            return reason;
        }
        return reason == null ? ticketKey : reason + " (" + ticketKey + ")";
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
