package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.AgentProfile;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.InvalidTicketInput;
import dev.backstop.helpdesk.tickets.QueueEntry;
import dev.backstop.helpdesk.tickets.QueueInfo;
import dev.backstop.helpdesk.tickets.RoutingRefused;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketOperationNotAllowed;
import dev.backstop.helpdesk.tickets.TicketRouted;
import dev.backstop.helpdesk.tickets.TicketRouting;
import dev.backstop.helpdesk.tickets.TicketSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;
    private final WaitingTickets waiting;
    /** Rank + claim of one "next" (not the assignment and the answer): {@code backstop.routing.decision}. */
    private final Timer decisions;

    /** VIP and key accounts wait this long for their own available account manager before anyone may take them. */
    private final Duration accountManagerWait;

    TicketRouter(NamedParameterJdbcTemplate jdbc, Tickets tickets, AgentProfiles agents, TicketViews views, Clock clock,
            @Value("${backstop.routing.account-manager-wait:5m}") Duration accountManagerWait, ApplicationEventPublisher events,
            WaitingTickets waiting, ObjectProvider<MeterRegistry> meters) {
        this.waiting = waiting;
        this.decisions = Timer.builder("backstop.routing.decision")
                .description("Time to rank the waiting tickets and claim the best one for an agent asking for the next")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters.getIfAvailable(SimpleMeterRegistry::new));
        this.events = events;
        this.accountManagerWait = accountManagerWait;
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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("desks", desks.stream().map(Enum::name).toList());
        parameters.put("confidential", agent.hasAny(Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN));
        parameters.put("skills", profile.skills().isEmpty() ? List.of("-") : List.copyOf(profile.skills()));
        parameters.put("agent", agent.id());
        WaitingTickets.Asker asker = new WaitingTickets.Asker(desks, (Boolean) parameters.get("confidential"),
                Set.copyOf(profile.skills()), agent.employeeId() == null ? -1L : agent.employeeId());
        long started = System.nanoTime();
        long[] ranking = new long[1];
        Optional<Long> claimed = claim(parameters, asker, now, now.minus(accountManagerWait), ranking);
        long decision = System.nanoTime() - started;
        decisions.record(decision, TimeUnit.NANOSECONDS);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        events.publishEvent(new TicketRouted(claimed.get(), agent.id(), decision, ranking[0]));
        TicketEntity ticket = tickets.findById(claimed.get()).orElseThrow();
        ticket.assignTo(agent.id(), agent.displayName(), new TicketEntity.Author(agent.id(), agent.displayName()), now);
        ticket.updatedAt = now;
        tickets.saveAndFlush(ticket);
        events.publishEvent(new TicketChanged(ticket.id, ticket.key, ticket.desk, now));
        waiting.claimed(ticket.id);   // after the event's hint, so that the assigned ticket is not read back
        return Optional.of(views.details(ticket, agent));
    }

    /**
     * Ranks the candidates in memory ({@link WaitingTickets}, brought up to date first), then locks the best one still
     * free with {@code FOR UPDATE SKIP LOCKED}, row by row: another agent's claim in flight is skipped, one already
     * committed (or changed so the agent may no longer take it) no longer matches. The lock is held until this
     * transaction commits the assignment.
     */
    private Optional<Long> claim(Map<String, Object> parameters, WaitingTickets.Asker asker, Instant now, Instant managerCutoff,
            long[] ranking) {
        Set<Long> tried = new HashSet<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            long ranked = System.nanoTime();
            waiting.sync();
            List<Long> candidates = waiting.best(asker, now, managerCutoff, managers -> availableManagers(managers, parameters),
                    tried, CANDIDATES);
            ranking[0] += System.nanoTime() - ranked;
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            tried.addAll(candidates);
            parameters.put("id", candidates.getFirst());
            List<Long> locked = jdbc.queryForList(LOCK_ONE, parameters, Long.class);
            if (!locked.isEmpty()) {
                return Optional.of(candidates.getFirst());
            }
            Optional<Long> next = lockBestOf(candidates.subList(1, candidates.size()), parameters);
            if (next.isPresent()) {
                return next;
            }
        }
        return Optional.empty();
    }

    private static final String LOCK_ONE = "select t.id from tickets t where t.id = :id and " + WAITING
            + " and (t.skill is null or t.skill in (:skills)) for update skip locked";

    /** Up to {@value #CANDIDATES} ticket ids, best first, in one statement's binds: its text never changes, so it stays prepared. */
    private static final int CANDIDATES = 20;

    private static final String LOCK_BEST_OF = "select t.id from tickets t where t.id in ("
            + java.util.stream.IntStream.range(0, CANDIDATES).mapToObj(i -> ":c" + i).collect(java.util.stream.Collectors.joining(", "))
            + ") and " + WAITING + " and (t.skill is null or t.skill in (:skills)) order by case t.id "
            + java.util.stream.IntStream.range(0, CANDIDATES).mapToObj(i -> "when :c" + i + " then " + i)
                    .collect(java.util.stream.Collectors.joining(" "))
            + " end fetch first 1 rows only for update skip locked";

    /**
     * When the best one was taken or is being claimed (agents asking at the same moment rank alike), the best of the
     * rest that is still free, in one round trip rather than one per candidate: with 8 agents asking at once the last
     * of them used to try up to 8 rows one by one.
     */
    private Optional<Long> lockBestOf(List<Long> candidates, Map<String, Object> parameters) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (!postgres()) {
            // H2 applies FETCH FIRST before skipping a locked row (the statement answers nothing when the best of them is
            // locked): row by row there
            for (Long id : candidates) {
                parameters.put("id", id);
                List<Long> locked = jdbc.queryForList(LOCK_ONE, parameters, Long.class);
                if (!locked.isEmpty()) {
                    return Optional.of(id);
                }
            }
            return Optional.empty();
        }
        Map<String, Object> binds = new HashMap<>(parameters);
        for (int i = 0; i < CANDIDATES; i++) {
            binds.put("c" + i, i < candidates.size() ? candidates.get(i) : -1L);
        }
        return jdbc.queryForList(LOCK_BEST_OF, binds, Long.class).stream().findFirst();
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.getJdbcTemplate().execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                    c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return Boolean.TRUE.equals(known);
    }

    /** Of these account managers (employee ids), those available as an agent other than the one asking. */
    private Set<Long> availableManagers(Set<Long> managers, Map<String, Object> parameters) {
        return new HashSet<>(jdbc.queryForList("""
                select u.employee_id from app_users u join agent_profiles p on p.user_id = u.id
                 where u.employee_id in (:managers) and u.id <> :agent and u.enabled = true and p.presence = 'AVAILABLE'""",
                Map.of("managers", managers, "agent", parameters.get("agent")), Long.class));
    }

    @Override
    @Transactional
    public Optional<Long> push(long ticketId) {
        List<Long> locked = jdbc.queryForList("""
                select t.id from tickets t where t.id = :id and t.assignee_id is null and t.state in ('NEW', 'OPEN')
                for update skip locked""", Map.of("id", ticketId), Long.class);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        TicketEntity ticket = tickets.findById(ticketId).orElseThrow();
        Map<String, Object> queue = new HashMap<>();
        queue.put("desk", ticket.desk.name());
        queue.put("skill", ticket.skill == null ? "" : ticket.skill);
        Boolean push = jdbc.queryForList("""
                select push_assignment from ticket_queues where desk = :desk and coalesce(skill, '') = :skill""",
                queue, Boolean.class).stream().findFirst().orElse(false);
        if (!push) {
            return Optional.empty();
        }
        List<String> roles = switch (ticket.desk) {
            case CHANNEL -> List.of(Role.CHANNEL_AGENT.name());
            case EXPERT -> List.of(Role.EXPERT.name());
            case HR -> ticket.confidential ? List.of(Role.HR_PAYROLL.name()) : List.of(Role.HR_AGENT.name(), Role.HR_PAYROLL.name());
        };
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("roles", roles);
        parameters.put("skill", ticket.skill == null ? "" : ticket.skill);
        record Agent(long id, String name) {
        }
        List<Agent> agents = jdbc.query("""
                select u.id, u.display_name,
                       (select count(*) from tickets x where x.assignee_id = u.id and x.state in ('NEW', 'OPEN')) as load
                  from app_users u join agent_profiles p on p.user_id = u.id
                 where u.enabled = true and p.presence = 'AVAILABLE'
                   and exists (select 1 from user_roles r where r.user_id = u.id and r.role in (:roles))
                   and (:skill = '' or ',' || p.skills || ',' like '%,' || :skill || ',%')
                   and (select count(*) from tickets x where x.assignee_id = u.id and x.state in ('NEW', 'OPEN')) < p.capacity
                 order by load, p.presence_since, u.id
                 fetch first 1 rows only""", parameters, (rs, i) -> new Agent(rs.getLong(1), rs.getString(2)));
        if (agents.isEmpty()) {
            return Optional.empty();
        }
        Agent agent = agents.getFirst();
        Instant now = clock.instant();
        ticket.assignTo(agent.id(), agent.name(), new TicketEntity.Author(null, "Backstop"), now);
        ticket.updatedAt = now;
        tickets.saveAndFlush(ticket);
        events.publishEvent(new TicketChanged(ticket.id, ticket.key, ticket.desk, now));
        return Optional.of(agent.id());
    }

    @Override
    @Transactional
    public QueueInfo setPush(String queueCode, boolean push, CurrentUser by) {
        if (!by.has(Role.ADMIN)) {
            throw new TicketOperationNotAllowed("queue.push");
        }
        if (jdbc.update("update ticket_queues set push_assignment = :push where code = :code",
                Map.of("push", push, "code", queueCode)) == 0) {
            throw new InvalidTicketInput("tickets.error.unknownQueue", queueCode);
        }
        return queues().stream().filter(q -> q.code().equals(queueCode)).findFirst().orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<QueueInfo> queues() {
        return jdbc.query("select code, desk, skill, name, name_en, push_assignment from ticket_queues order by desk, id",
                (rs, i) -> new QueueInfo(rs.getString(1), Desk.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)));
    }

    @Override
    public boolean maySeeQueue(Desk desk, CurrentUser viewer) {
        return viewer.hasAny(Role.SUPERVISOR, Role.ADMIN) || desksServed(viewer).contains(desk);
    }

    @Override
    @Transactional(readOnly = true)
    public List<QueueEntry> waiting(Desk desk, CurrentUser viewer, int limit) {
        if (!maySeeQueue(desk, viewer)) {
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
