package dev.backstop.helpdesk.accounts.internal;

import dev.backstop.helpdesk.accounts.AccountRefused;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.routing.QueueInfo;
import dev.backstop.helpdesk.routing.TicketRouting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each agent takes work: how many open tickets at once (capacity) and which skill queues they serve. The desk
 * an agent works follows from their roles (channel agent, HR, expert …). Without this page only demo data set
 * skills, so skill routing could not be set up in a real deployment.
 */
@Service
class AgentSetup {

    static final int MAX_CAPACITY = 100;

    /** A staff member as the admin sees them for routing. */
    record Agent(
            long id,
            String username,
            String displayName,
            List<String> roles,
            int capacity,
            Set<String> skills,
            String presence) {}

    private final JdbcTemplate jdbc;
    private final AgentProfiles profiles;
    private final TicketRouting routing;

    AgentSetup(JdbcTemplate jdbc, AgentProfiles profiles, TicketRouting routing) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.routing = routing;
    }

    /** The skill queues an agent may be given (each a desk's queue for one skill). */
    List<QueueInfo> skillQueues() {
        return routing.queues().stream().filter(q -> q.skill() != null).toList();
    }

    @Transactional(readOnly = true)
    List<Agent> agents() {
        Set<String> staffRoles = new TreeSet<>(Arrays.stream(Role.values())
                .filter(r -> !r.isPortalRole())
                .map(Role::name)
                .toList());
        Map<Long, List<String>> roles = new LinkedHashMap<>();
        jdbc.query(
                "select r.user_id, r.role from user_roles r join app_users u on u.id = r.user_id where u.enabled = true",
                (RowCallbackHandler) rs -> roles.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(rs.getString(2)));
        return jdbc
                .query("""
                select u.id, u.username, u.display_name, p.capacity, p.skills, p.presence
                  from app_users u left join agent_profiles p on p.user_id = u.id
                 where u.enabled = true order by u.username""", (rs, n) -> {
                    List<String> own = roles.getOrDefault(rs.getLong(1), List.of()).stream()
                            .sorted()
                            .toList();
                    if (own.stream().noneMatch(staffRoles::contains)) {
                        return null;
                    }
                    int capacity = rs.getObject(4) == null ? AgentProfiles.DEFAULT_CAPACITY : rs.getInt(4);
                    Set<String> skills = rs.getString(5) == null
                                    || rs.getString(5).isBlank()
                            ? Set.of()
                            : new TreeSet<>(Arrays.asList(rs.getString(5).split(",")));
                    return new Agent(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            own,
                            capacity,
                            skills,
                            rs.getString(6) == null ? "OFFLINE" : rs.getString(6));
                })
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Sets capacity (1–100) and skills (known skill queues only) of a staff member; refused with a message otherwise. */
    @Transactional
    Agent configure(String username, Integer capacity, Collection<String> skills) {
        Agent agent = agents().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new AccountRefused(404, "accounts.agents.error.notStaff", username));
        if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
            throw new AccountRefused(400, "accounts.agents.error.capacity", String.valueOf(capacity), MAX_CAPACITY);
        }
        Set<String> known =
                new TreeSet<>(skillQueues().stream().map(QueueInfo::skill).toList());
        Set<String> chosen = new LinkedHashSet<>();
        for (String skill : skills == null ? List.<String>of() : skills) {
            String code = skill == null ? "" : skill.strip().toUpperCase(java.util.Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!known.contains(code)) {
                throw new AccountRefused(400, "accounts.agents.error.unknownSkill", skill, String.join(", ", known));
            }
            chosen.add(code);
        }
        profiles.configure(agent.id(), capacity, chosen);
        return agents().stream().filter(a -> a.id() == agent.id()).findFirst().orElseThrow();
    }
}
