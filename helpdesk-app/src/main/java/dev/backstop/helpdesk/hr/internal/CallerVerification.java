package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.InvalidHrInput;
import dev.backstop.helpdesk.hr.VerificationLocked;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.notifications.Notifications;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifying the caller on the phone before anything personal is said: the employee number plus a second factor the
 * company holds (the last 4 digits of the ID number, or a PIN), compared with hashes in {@code hr_caller_secrets}.
 * <ul>
 * <li>Needed only for a phone ticket: the employee panel and an agent's unmasking stay closed until this ticket's caller
 * was verified (a success on this ticket, in {@code hr_caller_verifications}).</li>
 * <li>Every attempt is a row and its outcome a timeline entry (never what was said).</li>
 * <li>{@value #MAX_FAILURES} failed attempts on one employee within {@link #WINDOW} lock verification for that employee:
 * counted in the database under a row lock on the employee's secrets, so every node sees the same count and two
 * attempts cannot both be the fifth. The lock notifies the HR leads (the bell), once.</li>
 * </ul>
 */
@Service
public class CallerVerification {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    /** The second factor the caller gives. */
    public enum Factor {
        ID_LAST4,
        PIN
    }

    /** Where verification stands on a ticket. */
    public record Status(
            boolean required,
            boolean verified,
            boolean locked,
            Instant lockedUntil,
            int attemptsLeft,
            String employeeNo) {

        public boolean open() {
            return !required || verified;
        }
    }

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;
    private final PasswordEncoder encoder;
    private final Notifications notifications;
    private final HrRecords records;
    private final Clock clock;

    CallerVerification(
            JdbcTemplate jdbc,
            TicketManagement tickets,
            PasswordEncoder encoder,
            Notifications notifications,
            HrRecords records,
            Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.encoder = encoder;
        this.notifications = notifications;
        this.records = records;
        this.clock = clock;
    }

    @Transactional
    public Status status(long ticketId, CurrentUser by) {
        return status(ticket(ticketId, by));
    }

    /** Whether the personal panels of this ticket may open for an HR staff member (the ticket checked as visible). */
    @Transactional
    public boolean isOpen(TicketDetails ticket) {
        return status(ticket).open();
    }

    /**
     * One attempt: the outcome is recorded (row and timeline) and returned; a wrong answer is not an error. Locked:
     * {@link VerificationLocked} (423) without checking anything.
     */
    @Transactional
    public Status verify(long ticketId, String employeeNo, Factor factor, String answer, CurrentUser by) {
        TicketDetails ticket = ticket(ticketId, by);
        if (factor == null) {
            throw new InvalidHrInput("hr.verification.factorMissing");
        }
        long employeeId = ticket.employeeId();
        String ticketEmployeeNo = records.employeeNo(employeeId).orElseThrow(HrRecordNotFound::new);
        // the employee's secrets row is the lock every node queues on for this employee
        List<Map<String, Object>> secrets = jdbc.queryForList(
                "select id_last4_hash, pin_hash from hr_caller_secrets where employee_id = ? for update", employeeId);
        Instant now = clock.instant();
        Status before = status(ticket);
        if (before.locked()) {
            throw new VerificationLocked(ticketEmployeeNo, String.valueOf(before.lockedUntil()));
        }
        String hash = secrets.isEmpty()
                ? null
                : (String) secrets.getFirst().get(factor == Factor.ID_LAST4 ? "id_last4_hash" : "pin_hash");
        boolean verified = employeeNo != null
                && ticketEmployeeNo.equalsIgnoreCase(employeeNo.strip())
                && hash != null
                && answer != null
                && encoder.matches(factor == Factor.ID_LAST4 ? answer.strip().toUpperCase() : answer.strip(), hash);
        jdbc.update("""
                insert into hr_caller_verifications (ticket_id, employee_id, agent_user_id, factor, verified, attempted_at)
                values (?, ?, ?, ?, ?, ?)""", ticketId, employeeId, by.id(), factor.name(), verified, Timestamp.from(now));
        tickets.recordCallerVerification(ticketId, verified, ticketEmployeeNo, by);
        Status after = status(ticket);
        if (after.locked()) {
            List<Long> leads = jdbc.queryForList("""
                    select u.id from app_users u join user_roles r on r.user_id = u.id
                     where u.enabled = true and r.role = ? order by u.id""", Long.class, Role.HR_LEAD.name());
            notifications.notify(
                    leads,
                    "hr.notification.verificationLocked",
                    List.of(ticketEmployeeNo, ticket.key(), String.valueOf(MAX_FAILURES)),
                    ticketId);
        }
        return after;
    }

    private TicketDetails ticket(long ticketId, CurrentUser by) {
        if (!by.hasAny(Role.HR_AGENT, Role.HR_PAYROLL, Role.HR_LEAD)) {
            throw new HrRecordNotFound();
        }
        TicketDetails ticket = tickets.get(ticketId, by);
        if (ticket.desk() != Desk.HR || ticket.employeeId() == null) {
            throw new HrRecordNotFound();
        }
        return ticket;
    }

    private Status status(TicketDetails ticket) {
        Instant now = clock.instant();
        String employeeNo = records.employeeNo(ticket.employeeId()).orElse(null);
        List<Timestamp> failures =
                jdbc.queryForList("""
                select attempted_at from hr_caller_verifications
                 where employee_id = ? and verified = false and attempted_at > ? order by attempted_at""", Timestamp.class, ticket.employeeId(), Timestamp.from(now.minus(WINDOW)));
        boolean locked = failures.size() >= MAX_FAILURES;
        Instant lockedUntil = locked
                ? failures.get(failures.size() - MAX_FAILURES).toInstant().plus(WINDOW)
                : null;
        Long verified = jdbc.queryForObject(
                "select count(*) from hr_caller_verifications where ticket_id = ? and verified = true",
                Long.class,
                ticket.id());
        return new Status(
                ticket.channel() == Channel.PHONE,
                verified != null && verified > 0,
                locked,
                lockedUntil,
                Math.max(0, MAX_FAILURES - failures.size()),
                employeeNo);
    }
}
