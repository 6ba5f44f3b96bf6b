package dev.backstop.helpdesk.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents' presence, capacity and skills. A staff user without a profile row is offline with the defaults. */
@Service
public class AgentProfiles {

    public static final int DEFAULT_CAPACITY = 5;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AgentProfiles(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AgentProfile of(long userId) {
        return jdbc
                .query(
                        "select presence, presence_since, capacity, skills from agent_profiles where user_id = ?",
                        (rs, i) -> new AgentProfile(
                                userId,
                                Presence.valueOf(rs.getString(1)),
                                rs.getTimestamp(2) == null
                                        ? null
                                        : rs.getTimestamp(2).toInstant(),
                                rs.getInt(3),
                                skills(rs.getString(4))),
                        userId)
                .stream()
                .findFirst()
                .orElse(new AgentProfile(userId, Presence.OFFLINE, null, DEFAULT_CAPACITY, Set.of()));
    }

    @Transactional
    public AgentProfile setPresence(long userId, Presence presence) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update(
                        "update agent_profiles set presence = ?, presence_since = ? where user_id = ?",
                        presence.name(),
                        now,
                        userId)
                == 0) {
            jdbc.update(
                    "insert into agent_profiles (user_id, presence, presence_since, capacity, skills) values (?, ?, ?, ?, '')",
                    userId,
                    presence.name(),
                    now,
                    DEFAULT_CAPACITY);
        }
        return of(userId);
    }

    /**
     * Sets the presence only when it is one of {@code from} now (the phone's changes never undo what the agent chose
     * meanwhile), with {@code since} as its start; true when it changed. A staff user without a profile gets one.
     */
    @Transactional
    public boolean setPresenceIf(long userId, Set<Presence> from, Presence to, java.time.Instant since) {
        if (from.contains(Presence.OFFLINE)
                && jdbc.queryForList("select 1 from agent_profiles where user_id = ?", Integer.class, userId)
                        .isEmpty()) {
            jdbc.update(
                    "insert into agent_profiles (user_id, presence, presence_since, capacity, skills) values (?, ?, ?, ?, '')",
                    userId,
                    to.name(),
                    Timestamp.from(since),
                    DEFAULT_CAPACITY);
            return true;
        }
        String in = from.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(","));
        return jdbc.update(
                        "update agent_profiles set presence = ?, presence_since = ? where user_id = ? and presence in ("
                                + in + ")",
                        to.name(),
                        Timestamp.from(since),
                        userId)
                == 1;
    }

    /**
     * Moves every agent whose presence has been {@code from} since before {@code before} to {@code to} (after-call work
     * that is over); one conditional update, so any node may run it at any time. Returns how many changed.
     */
    @Transactional
    public int expire(Presence from, java.time.Instant before, Presence to) {
        return jdbc.update(
                "update agent_profiles set presence = ?, presence_since = ? where presence = ? and presence_since <= ?",
                to.name(),
                Timestamp.from(clock.instant()),
                from.name(),
                Timestamp.from(before));
    }

    /** Sets capacity and skills (for admins and demo data); keeps the presence. */
    @Transactional
    public AgentProfile configure(long userId, int capacity, Collection<String> skills) {
        if (capacity < 1 || capacity > 100) {
            throw new IllegalArgumentException("capacity must be between 1 and 100");
        }
        String joined = skills.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(String::toUpperCase)
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .collect(Collectors.joining(","));
        if (jdbc.update(
                        "update agent_profiles set capacity = ?, skills = ? where user_id = ?",
                        capacity,
                        joined,
                        userId)
                == 0) {
            jdbc.update(
                    "insert into agent_profiles (user_id, presence, capacity, skills) values (?, 'OFFLINE', ?, ?)",
                    userId,
                    capacity,
                    joined);
        }
        return of(userId);
    }

    private static Set<String> skills(String joined) {
        return joined == null || joined.isBlank()
                ? Set.of()
                : Arrays.stream(joined.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
    }
}
