package dev.backstop.helpdesk.routing.internal;

import dev.backstop.helpdesk.shared.DatabaseProduct;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The claim of one "next": ranks the candidates in memory ({@link WaitingTickets}, brought up to date first), then
 * locks the best one still free with {@code FOR UPDATE SKIP LOCKED} (ADR 0006, 0012): another agent's claim in flight
 * is skipped, one already committed (or changed so the agent may no longer take it) no longer matches. The lock is
 * held until the caller's transaction commits the assignment.
 */
@Component
class Claims {

    /**
     * A waiting ticket of the desks {@code :desks} that the asker may see ({@code :confidential}); never a confidential
     * case (issue 15), which an HR lead gives to someone by hand.
     */
    static final String WAITING = """
            t.desk in (:desks) and t.state in ('NEW', 'OPEN') and t.assignee_id is null
            and (t.confidential = false or :confidential = true) and t.confidential_case = false""";

    private static final String LOCK_ONE = "select t.id from tickets t where t.id = :id and " + WAITING
            + " and (t.skill is null or t.skill in (:skills)) for update skip locked";

    /** Up to {@value #CANDIDATES} ticket ids, best first, in one statement's binds: its text never changes, so it stays prepared. */
    private static final int CANDIDATES = 20;

    private static final String LOCK_BEST_OF = "select t.id from tickets t where t.id in ("
            + IntStream.range(0, CANDIDATES).mapToObj(i -> ":c" + i).collect(Collectors.joining(", "))
            + ") and " + WAITING + " and (t.skill is null or t.skill in (:skills)) order by case t.id "
            + IntStream.range(0, CANDIDATES)
                    .mapToObj(i -> "when :c" + i + " then " + i)
                    .collect(Collectors.joining(" "))
            + " end fetch first 1 rows only for update skip locked";

    private final NamedParameterJdbcTemplate jdbc;
    private final WaitingTickets waiting;
    private final DatabaseProduct database;

    Claims(NamedParameterJdbcTemplate jdbc, WaitingTickets waiting, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.waiting = waiting;
        this.database = database;
    }

    /**
     * The id of the ticket claimed (its row locked) for the asker, or empty; {@code ranking[0]} accumulates the
     * nanoseconds spent choosing (syncing and ranking), without the database's locking.
     */
    Optional<Long> claim(
            Map<String, Object> parameters,
            WaitingTickets.Asker asker,
            Instant now,
            Instant managerCutoff,
            long[] ranking) {
        Set<Long> tried = new HashSet<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            long ranked = System.nanoTime();
            waiting.sync();
            List<Long> candidates = waiting.best(
                    asker, now, managerCutoff, managers -> availableManagers(managers, parameters), tried, CANDIDATES);
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

    /**
     * When the best one was taken or is being claimed (agents asking at the same moment rank alike), the best of the
     * rest that is still free, in one round trip rather than one per candidate: with 8 agents asking at once the last
     * of them used to try up to 8 rows one by one.
     */
    private Optional<Long> lockBestOf(List<Long> candidates, Map<String, Object> parameters) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (!database.isPostgres()) {
            // H2 applies FETCH FIRST before skipping a locked row (the statement answers nothing when the best of them
            // is
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

    /** Of these account managers (employee ids), those available as an agent other than the one asking. */
    private Set<Long> availableManagers(Set<Long> managers, Map<String, Object> parameters) {
        return new HashSet<>(
                jdbc.queryForList("""
                select u.employee_id from app_users u join agent_profiles p on p.user_id = u.id
                 where u.employee_id in (:managers) and u.id <> :agent and u.enabled = true and p.presence = 'AVAILABLE'""", Map.of("managers", managers, "agent", parameters.get("agent")), Long.class));
    }
}
