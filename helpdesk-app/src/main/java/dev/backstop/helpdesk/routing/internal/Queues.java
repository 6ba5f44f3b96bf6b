package dev.backstop.helpdesk.routing.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.routing.QueueEntry;
import dev.backstop.helpdesk.routing.QueueInfo;
import dev.backstop.helpdesk.shared.DatabaseProduct;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.InvalidTicketInput;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketHandover;
import dev.backstop.helpdesk.tickets.TicketOperationNotAllowed;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queues ({@code ticket_queues}: a desk and a skill): push assignment to the least-loaded available agent, its
 * admin switch, and the supervisor's view of a desk's waiting tickets ranked in SQL ({@link PriorityScores#SQL}).
 */
@Component
class Queues {

    private final NamedParameterJdbcTemplate jdbc;
    private final TicketHandover handover;
    private final Clock clock;
    private final DatabaseProduct database;

    Queues(NamedParameterJdbcTemplate jdbc, TicketHandover handover, Clock clock, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.handover = handover;
        this.clock = clock;
        this.database = database;
    }

    @Transactional
    Optional<Long> push(long ticketId) {
        return push(ticketId, false);
    }

    /** {@code live}: a chat, handed out whatever the queue's push switch says. */
    @Transactional
    Optional<Long> push(long ticketId, boolean live) {
        record Waiting(String desk, String skill, boolean confidential) {}
        List<Waiting> locked = jdbc.query(
                """
                select t.desk, t.skill, t.confidential from tickets t
                 where t.id = :id and t.assignee_id is null and t.state in ('NEW', 'OPEN') and t.confidential_case = false
                """ + lockForAssignment(),
                Map.of("id", ticketId),
                (rs, i) -> new Waiting(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Waiting ticket = locked.getFirst();
        Desk desk = Desk.valueOf(ticket.desk());
        Map<String, Object> queue = new HashMap<>();
        queue.put("desk", desk.name());
        queue.put("skill", ticket.skill() == null ? "" : ticket.skill());
        Boolean push = jdbc.queryForList("""
                select push_assignment from ticket_queues where desk = :desk and coalesce(skill, '') = :skill""", queue, Boolean.class).stream()
                .findFirst()
                .orElse(false);
        if (!push && !live) {
            return Optional.empty();
        }
        List<String> roles = switch (desk) {
            case CHANNEL -> List.of(Role.CHANNEL_AGENT.name());
            case EXPERT -> List.of(Role.EXPERT.name());
            case HR ->
                ticket.confidential()
                        ? List.of(Role.HR_PAYROLL.name())
                        : List.of(Role.HR_AGENT.name(), Role.HR_PAYROLL.name());
        };
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("roles", roles);
        parameters.put("skill", ticket.skill() == null ? "" : ticket.skill());
        record Agent(long id, String name) {}
        String load = Workload.countFor("u.id");
        List<Agent> agents = jdbc.query(
                """
                select u.id, u.display_name,
                       """ + load + """
                 as load
                  from app_users u join agent_profiles p on p.user_id = u.id
                 where u.enabled = true and p.presence = 'AVAILABLE'
                   and exists (select 1 from user_roles r where r.user_id = u.id and r.role in (:roles))
                   and (:skill = '' or ',' || p.skills || ',' like '%,' || :skill || ',%')
                   and """ + load + """
                 < p.capacity
                 order by load, p.presence_since, u.id
                 fetch first 1 rows only""", parameters, (rs, i) -> new Agent(rs.getLong(1), rs.getString(2)));
        if (agents.isEmpty()) {
            return Optional.empty();
        }
        Agent agent = agents.getFirst();
        handover.assignPushed(ticketId, agent.id(), agent.name());
        return Optional.of(agent.id());
    }

    /**
     * The row lock of an assignment, which changes no key: on PostgreSQL {@code FOR NO KEY UPDATE}, which a row that
     * merely refers to the ticket does not block. A plain {@code FOR UPDATE} conflicts with the {@code FOR KEY SHARE}
     * lock that inserting a referring row takes (the foreign-key check): while the requester notice of the ticket's
     * opening was being written and sent after its commit, {@code SKIP LOCKED} passed the ticket over, and a live chat
     * about it waited for the next sweep with an agent free (ADR 0039). Two assignments of one ticket still exclude
     * each other ({@code NO KEY UPDATE} conflicts with itself and with the claims' {@code FOR UPDATE}). H2 has neither
     * the lock nor the conflict.
     */
    private String lockForAssignment() {
        return database.isPostgres() ? "for no key update skip locked" : "for update skip locked";
    }

    @Transactional
    QueueInfo setPush(String queueCode, boolean push, CurrentUser by) {
        if (!by.has(Role.ADMIN)) {
            throw new TicketOperationNotAllowed("queue.push");
        }
        if (jdbc.update(
                        "update ticket_queues set push_assignment = :push where code = :code",
                        Map.of("push", push, "code", queueCode))
                == 0) {
            throw new InvalidTicketInput("tickets.error.unknownQueue", queueCode);
        }
        return queues().stream()
                .filter(q -> q.code().equals(queueCode))
                .findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    List<QueueInfo> queues() {
        return jdbc.query(
                "select code, desk, skill, name, name_en, push_assignment from ticket_queues order by desk, id",
                (rs, i) -> new QueueInfo(
                        rs.getString(1),
                        Desk.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)));
    }

    /**
     * The desk's waiting tickets in routing order with the parts of their score (the caller checked the viewer); only
     * those of {@code topic} when one is given (an HR desk's per-topic view).
     */
    @Transactional(readOnly = true)
    List<QueueEntry> waiting(Desk desk, HrTopic topic, CurrentUser viewer, int limit) {
        Instant now = clock.instant();
        Map<String, Object> parameters = new HashMap<>(PriorityScores.parameters(now));
        parameters.put("desks", List.of(desk.name()));
        parameters.put("confidential", viewer.hasAny(Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN));
        parameters.put("topic", topic == null ? "" : topic.name());
        record Ranked(
                long id,
                String skill,
                Segment segment,
                TicketType type,
                HrTopic topic,
                Priority priority,
                Instant activeDue,
                Instant createdAt) {}
        List<Ranked> ranked = jdbc.query(
                """
                select t.id, t.skill, t.segment, t.type, t.hr_topic, t.priority,
                       case when t.first_responded_at is null then t.first_response_due else t.resolution_due end,
                       t.created_at
                  from tickets t where""" + " " + Claims.WAITING
                        + " and (:topic = '' or t.hr_topic = :topic)"
                        + " order by " + PriorityScores.SQL + " desc, t.created_at, t.id"
                        + " fetch first " + Math.max(1, Math.min(limit, 500)) + " rows only",
                parameters,
                (rs, i) -> new Ranked(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3) == null ? null : Segment.valueOf(rs.getString(3)),
                        TicketType.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : HrTopic.valueOf(rs.getString(5)),
                        Priority.valueOf(rs.getString(6)),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8))));
        List<TicketSummary> summaries =
                handover.summaries(ranked.stream().map(Ranked::id).toList());
        List<QueueEntry> entries = new ArrayList<>();
        for (int i = 0; i < ranked.size() && i < summaries.size(); i++) {
            Ranked t = ranked.get(i);
            entries.add(new QueueEntry(
                    i + 1,
                    summaries.get(i),
                    t.skill(),
                    PriorityScores.of(
                            t.segment(), t.type(), t.topic(), t.priority(), t.activeDue(), t.createdAt(), now)));
        }
        return entries;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
