package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.AgentProfile;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.QueueEntry;
import dev.backstop.helpdesk.tickets.QueueInfo;
import dev.backstop.helpdesk.tickets.RoutingRefused;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketOperationNotAllowed;
import dev.backstop.helpdesk.tickets.TicketRouting;
import dev.backstop.helpdesk.tickets.TicketSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageImpl;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TicketRouter implements TicketRouting {

    private static final String WAITING = """
            t.desk in (:desks) and t.state in ('NEW', 'OPEN') and t.assignee_id is null
            and (t.confidential = false or :confidential = true)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Tickets tickets;
    private final AgentProfiles agents;
    private final TicketViews views;
    private final Clock clock;

    TicketRouter(NamedParameterJdbcTemplate jdbc, Tickets tickets, AgentProfiles agents, TicketViews views, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.agents = agents;
        this.views = views;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<TicketDetails> next(CurrentUser agent) {
        Set<Desk> desks = desksServed(agent);
        if (desks.isEmpty()) {
            throw new TicketOperationNotAllowed("next");
        }
        AgentProfile profile = agents.of(agent.id());
        if (profile.presence() != Presence.AVAILABLE) {
            throw RoutingRefused.notAvailable(profile.presence().name());
        }
        Integer working = jdbc.queryForObject("select count(*) from tickets where assignee_id = :agent and state in ('NEW', 'OPEN')",
                Map.of("agent", agent.id()), Integer.class);
        if (working != null && working >= profile.capacity()) {
            throw RoutingRefused.atCapacity(profile.capacity());
        }
        Instant now = clock.instant();
        Map<String, Object> parameters = new HashMap<>(PriorityScores.parameters(now));
        parameters.put("desks", desks.stream().map(Enum::name).toList());
        parameters.put("confidential", agent.hasAny(Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN));
        parameters.put("skills", profile.skills().isEmpty() ? List.of("-") : List.copyOf(profile.skills()));
        Optional<Long> claimed = claim(parameters);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        TicketEntity ticket = tickets.findById(claimed.get()).orElseThrow();
        ticket.assignTo(agent.id(), agent.displayName(), new TicketEntity.Author(agent.id(), agent.displayName()), now);
        ticket.updatedAt = now;
        tickets.saveAndFlush(ticket);
        return Optional.of(views.details(ticket, agent));
    }

    /**
     * Ranks the candidates, then locks the best one still free with {@code FOR UPDATE SKIP LOCKED}, row by row:
     * another agent's claim in flight is skipped, one already committed no longer matches. (One statement with
     * ORDER BY … FETCH FIRST 1 … SKIP LOCKED would do on PostgreSQL, but H2 then returns nothing while the top row
     * is locked.) The lock is held until this transaction commits the assignment.
     */
    private Optional<Long> claim(Map<String, Object> parameters) {
        for (int attempt = 0; attempt < 5; attempt++) {
            List<Long> candidates = jdbc.queryForList("select t.id from tickets t where " + WAITING
                    + " and (t.skill is null or t.skill in (:skills))"
                    + " order by " + PriorityScores.SQL + " desc, t.created_at, t.id fetch first 20 rows only",
                    parameters, Long.class);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (Long id : candidates) {
                List<Long> locked = jdbc.queryForList("""
                        select t.id from tickets t where t.id = :id and t.assignee_id is null and t.state in ('NEW', 'OPEN')
                        for update skip locked""", Map.of("id", id), Long.class);
                if (!locked.isEmpty()) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public List<QueueInfo> queues() {
        return jdbc.query("select code, desk, skill, name, name_en, push_assignment from ticket_queues order by desk, id",
                (rs, i) -> new QueueInfo(rs.getString(1), Desk.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<QueueEntry> waiting(Desk desk, CurrentUser viewer, int limit) {
        if (!viewer.hasAny(Role.SUPERVISOR, Role.ADMIN) && !desksServed(viewer).contains(desk)) {
            throw new TicketOperationNotAllowed("queue." + desk);
        }
        Instant now = clock.instant();
        Map<String, Object> parameters = new HashMap<>(PriorityScores.parameters(now));
        parameters.put("desks", List.of(desk.name()));
        parameters.put("confidential", viewer.hasAny(Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN));
        List<Long> ids = jdbc.queryForList("select t.id from tickets t where " + WAITING
                + " order by " + PriorityScores.SQL + " desc, t.created_at, t.id"
                + " fetch first " + Math.max(1, Math.min(limit, 500)) + " rows only", parameters, Long.class);
        Map<Long, TicketEntity> byId = new HashMap<>();
        tickets.findAllById(ids).forEach(t -> byId.put(t.id, t));
        List<TicketEntity> ordered = ids.stream().map(byId::get).toList();
        List<TicketSummary> summaries = views.summaries(new PageImpl<>(ordered)).getContent();
        List<QueueEntry> entries = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            TicketEntity t = ordered.get(i);
            entries.add(new QueueEntry(i + 1, summaries.get(i), t.skill,
                    PriorityScores.of(t.segment, t.type, t.priority, activeDue(t), t.createdAt, now)));
        }
        return entries;
    }

    private static Instant activeDue(TicketEntity t) {
        return t.firstRespondedAt == null ? t.firstResponseDue : t.resolutionDue;
    }

    /** The desks whose queues an agent works (supervisors and admins step in anywhere). */
    static Set<Desk> desksServed(CurrentUser user) {
        Set<Desk> desks = EnumSet.noneOf(Desk.class);
        if (user.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            return EnumSet.allOf(Desk.class);
        }
        if (user.has(Role.CHANNEL_AGENT)) {
            desks.add(Desk.CHANNEL);
        }
        if (user.has(Role.EXPERT)) {
            desks.add(Desk.EXPERT);
        }
        if (user.hasAny(Role.HR_AGENT, Role.HR_PAYROLL)) {
            desks.add(Desk.HR);
        }
        return desks;
    }
}
