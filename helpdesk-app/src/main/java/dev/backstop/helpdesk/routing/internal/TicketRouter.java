package dev.backstop.helpdesk.routing.internal;

import dev.backstop.helpdesk.identity.AgentProfile;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.routing.QueueEntry;
import dev.backstop.helpdesk.routing.QueueInfo;
import dev.backstop.helpdesk.routing.RoutingRefused;
import dev.backstop.helpdesk.routing.TicketRouted;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketHandover;
import dev.backstop.helpdesk.tickets.TicketOperationNotAllowed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TicketRouting}: "next" for an agent (the checks, the timed decision by {@link Claims}, the handover to
 * {@code tickets}); the queues themselves are {@link Queues}.
 */
@Service
class TicketRouter implements TicketRouting {

    private final NamedParameterJdbcTemplate jdbc;
    private final AgentProfiles agents;
    private final TicketHandover handover;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final WaitingTickets waiting;
    private final Claims claims;
    private final Queues queues;
    /** Rank + claim of one "next" (not the assignment and the answer): {@code backstop.routing.decision}. */
    private final Timer decisions;

    /** VIP and key accounts wait this long for their own available account manager before anyone may take them. */
    private final Duration accountManagerWait;

    TicketRouter(
            NamedParameterJdbcTemplate jdbc,
            AgentProfiles agents,
            TicketHandover handover,
            Clock clock,
            @Value("${backstop.routing.account-manager-wait:5m}") Duration accountManagerWait,
            ApplicationEventPublisher events,
            WaitingTickets waiting,
            Claims claims,
            Queues queues,
            ObjectProvider<MeterRegistry> meters) {
        this.waiting = waiting;
        this.claims = claims;
        this.queues = queues;
        this.decisions = Timer.builder("backstop.routing.decision")
                .description("Time to rank the waiting tickets and claim the best one for an agent asking for the next")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        this.events = events;
        this.accountManagerWait = accountManagerWait;
        this.jdbc = jdbc;
        this.agents = agents;
        this.handover = handover;
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
        Integer working = jdbc.queryForObject(
                "select " + Workload.countFor(":agent"), Map.of("agent", agent.id()), Integer.class);
        if (working != null && working >= profile.capacity()) {
            throw RoutingRefused.atCapacity(profile.capacity());
        }
        Instant now = clock.instant();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("desks", desks.stream().map(Enum::name).toList());
        parameters.put("confidential", agent.hasAny(Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN));
        parameters.put("skills", profile.skills().isEmpty() ? List.of("-") : List.copyOf(profile.skills()));
        parameters.put("agent", agent.id());
        WaitingTickets.Asker asker = new WaitingTickets.Asker(
                desks,
                (Boolean) parameters.get("confidential"),
                Set.copyOf(profile.skills()),
                agent.employeeId() == null ? -1L : agent.employeeId());
        long started = System.nanoTime();
        long[] ranking = new long[1];
        Optional<Long> claimed = claims.claim(parameters, asker, now, now.minus(accountManagerWait), ranking);
        long decision = System.nanoTime() - started;
        decisions.record(decision, TimeUnit.NANOSECONDS);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        events.publishEvent(new TicketRouted(claimed.get(), agent.id(), decision, ranking[0]));
        TicketDetails details = handover.assignClaimed(claimed.get(), agent);
        waiting.claimed(claimed.get()); // after the change event's hint, so that the assigned ticket is not read back
        return Optional.of(details);
    }

    @Override
    public Optional<Long> push(long ticketId) {
        return queues.push(ticketId);
    }

    @Override
    public Optional<Long> offer(long ticketId) {
        return queues.push(ticketId, true);
    }

    @Override
    public QueueInfo setPush(String queueCode, boolean push, CurrentUser by) {
        return queues.setPush(queueCode, push, by);
    }

    @Override
    public List<QueueInfo> queues() {
        return queues.queues();
    }

    @Override
    public boolean maySeeQueue(Desk desk, CurrentUser viewer) {
        return viewer.hasAny(Role.SUPERVISOR, Role.ADMIN) || desksServed(viewer).contains(desk);
    }

    @Override
    public List<QueueEntry> waiting(Desk desk, CurrentUser viewer, int limit) {
        return waiting(desk, null, viewer, limit);
    }

    @Override
    public List<QueueEntry> waiting(Desk desk, HrTopic topic, CurrentUser viewer, int limit) {
        if (!maySeeQueue(desk, viewer)) {
            throw new TicketOperationNotAllowed("queue." + desk);
        }
        return queues.waiting(desk, topic, viewer, limit);
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
