package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.notifications.Notifications;
import dev.backstop.helpdesk.shared.SchedulerLocks;
import dev.backstop.helpdesk.sla.BusinessCalendar;
import dev.backstop.helpdesk.sla.SlaPolicies;
import dev.backstop.helpdesk.tickets.ArticleKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation pass, run on a schedule: a ticket whose running clock is at risk notifies its assignee
 * (level 1); a breached one goes up to the supervisors — it shows in their escalated queue — and notifies them
 * (level 2); further levels after more business time past the due time notify the configured role.
 * <p>
 * Each escalation happens exactly once per ticket, target, level and due time, also when several app nodes run
 * this pass against one PostgreSQL at the same moment: the row in {@code ticket_escalations} is inserted under
 * a unique key in the same transaction as its notifications and timeline entry, and the losing node's insert
 * fails and is rolled back. ShedLock additionally keeps the nodes from doing the same work twice.
 */
@Component
class SlaEscalations {

    enum Target {
        FIRST_RESPONSE,
        RESOLUTION,
        BACK_OFFICE,
        CALLBACK
    }

    record Candidate(
            long id,
            String key,
            Long assigneeId,
            long calendarId,
            Instant firstRespondedAt,
            Instant firstResponseDue,
            Instant firstResponseRiskAt,
            Instant resolutionDue,
            Instant resolutionRiskAt) {}

    private static final Logger log = LoggerFactory.getLogger(SlaEscalations.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SlaPolicies policies;
    private final Notifications notifications;
    private final Clock clock;
    private final SlaSettings settings;

    SlaEscalations(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SlaPolicies policies,
            Notifications notifications,
            Clock clock,
            SlaSettings settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.policies = policies;
        this.notifications = notifications;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(
            fixedDelayString = "${backstop.sla.escalation.interval:30s}",
            initialDelayString = "${backstop.sla.escalation.initial-delay:30s}")
    @SchedulerLock(name = "sla-escalations", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void scheduledPass() {
        if (settings.enabled()) {
            int done = pass();
            if (done > 0) {
                log.info("SLA escalation pass: {} escalation(s)", done);
            }
        }
    }

    /** One pass over every running clock that is at risk or breached; returns the escalations made by this call. */
    public int pass() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        List<Candidate> candidates = jdbc.query(
                """
                select id, ticket_key, assignee_id, sla_calendar_id, first_responded_at, first_response_due,
                       first_response_risk_at, resolution_due, resolution_risk_at
                  from tickets
                 where sla_policy_id is not null and sla_paused_at is null and state not in ('RESOLVED', 'CLOSED')
                   and ((first_responded_at is null and first_response_risk_at <= ?) or resolution_risk_at <= ?)
                 order by id""",
                (rs, i) -> new Candidate(
                        rs.getLong(1),
                        rs.getString(2),
                        (Long) rs.getObject(3, Long.class),
                        rs.getLong(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9))),
                at,
                at);
        int done = 0;
        for (Candidate ticket : candidates) {
            boolean firstPending = ticket.firstRespondedAt() == null;
            if (firstPending && !now.isBefore(ticket.firstResponseRiskAt())) {
                done += escalate(ticket, Target.FIRST_RESPONSE, ticket.firstResponseDue(), now);
            }
            if (!now.isBefore(ticket.resolutionRiskAt())) {
                done += escalate(ticket, Target.RESOLUTION, ticket.resolutionDue(), now);
            }
        }
        done += overdueLoopSteps(now);
        return done;
    }

    /** Work forwarded to a back office past its deadline, and callbacks owed past theirs, go up to the supervisors. */
    private int overdueLoopSteps(Instant now) {
        Timestamp at = Timestamp.from(now);
        int done = 0;
        for (var row : jdbc.queryForList("""
                select id, ticket_key, assignee_id, department_id, back_office_due from tickets
                 where state = 'PENDING_BACK_OFFICE' and back_office_due <= ? order by id""", at)) {
            List<Long> to = new ArrayList<>(usersWithRoles(Set.of("SUPERVISOR")));
            if (row.get("department_id") != null) {
                to.addAll(backOfficeOf(((Number) row.get("department_id")).longValue()));
            }
            done += escalateOnce(
                            ((Number) row.get("id")).longValue(),
                            (String) row.get("ticket_key"),
                            Target.BACK_OFFICE,
                            2,
                            instant(row.get("back_office_due")),
                            now,
                            to)
                    ? 1
                    : 0;
        }
        for (var row : jdbc.queryForList("""
                select id, ticket_key, assignee_id, callback_due from tickets
                 where callback_due <= ? and callback_done_at is null and state not in ('RESOLVED', 'CLOSED') order by id""", at)) {
            List<Long> to = new ArrayList<>(usersWithRoles(Set.of("SUPERVISOR")));
            if (row.get("assignee_id") != null) {
                to.add(((Number) row.get("assignee_id")).longValue());
            }
            done += escalateOnce(
                            ((Number) row.get("id")).longValue(),
                            (String) row.get("ticket_key"),
                            Target.CALLBACK,
                            2,
                            instant(row.get("callback_due")),
                            now,
                            to)
                    ? 1
                    : 0;
        }
        return done;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t
                ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private int escalate(Candidate ticket, Target target, Instant due, Instant now) {
        int reached = 1;
        if (!now.isBefore(due)) {
            reached = 2;
            BusinessCalendar calendar = policies.calendar(ticket.calendarId());
            for (Duration after : settings.furtherAfter()) {
                if (!now.isBefore(calendar.plus(due, after))) {
                    reached++;
                }
            }
        }
        int done = 0;
        for (int level = 1; level <= reached; level++) {
            if (escalateOnce(ticket.id(), ticket.key(), target, level, due, now, recipients(ticket, level))) {
                done++;
            }
        }
        return done;
    }

    private boolean escalateOnce(
            long ticketId,
            String ticketKey,
            Target target,
            int level,
            Instant due,
            Instant now,
            List<Long> recipients) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (jdbc.queryForObject("""
                        select count(*) from ticket_escalations where ticket_id = ? and target = ? and level = ? and due_at = ?""", Integer.class, ticketId, target.name(), level, Timestamp.from(due)) > 0) {
                    return false;
                }
                jdbc.update(
                        "insert into ticket_escalations (ticket_id, target, level, due_at, escalated_at) values (?, ?, ?, ?, ?)",
                        ticketId,
                        target.name(),
                        level,
                        Timestamp.from(due),
                        Timestamp.from(now));
                String what = level == 1 ? "AT_RISK" : level == 2 ? "BREACHED" : "FURTHER";
                String messageKey = "tickets.sla.escalation." + target.name() + "." + what;
                jdbc.update("""
                        insert into ticket_articles (ticket_id, kind, internal, body, author_name, created_at)
                        values (?, ?, true, ?, ?, ?)""", ticketId, ArticleKind.SLA_ESCALATION.name(), messageKey, "SLA", Timestamp.from(now));
                notifications.notify(recipients, messageKey, List.of(ticketKey, String.valueOf(level)), ticketId);
                return true;
            }));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }

    private List<Long> recipients(Candidate ticket, int level) {
        List<Long> to = new ArrayList<>();
        if (ticket.assigneeId() != null) {
            to.add(ticket.assigneeId());
        }
        if (level >= 3) {
            to.addAll(usersWithRoles(Set.of(settings.furtherNotifyRole())));
        } else if (level == 2 || ticket.assigneeId() == null) {
            to.addAll(usersWithRoles(Set.of("SUPERVISOR")));
        }
        return to;
    }

    /** Ids of the enabled back-office users of a department. */
    private List<Long> backOfficeOf(long departmentId) {
        return jdbc.queryForList("""
                select u.id from app_users u join user_roles r on r.user_id = u.id
                 where u.enabled = true and r.role = 'BACK_OFFICE' and u.department_id = ? order by u.id""", Long.class, departmentId);
    }

    /** Ids of the enabled users holding any of the roles. */
    private List<Long> usersWithRoles(Set<String> roles) {
        return new NamedParameterJdbcTemplate(jdbc).queryForList("""
                select distinct u.id from app_users u join user_roles r on r.user_id = u.id
                 where u.enabled = true and r.role in (:roles) order by u.id""", Map.of("roles", roles), Long.class);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
