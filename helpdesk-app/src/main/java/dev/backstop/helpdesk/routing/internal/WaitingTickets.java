package dev.backstop.helpdesk.routing.internal;

import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketOpened;
import dev.backstop.helpdesk.tickets.TicketStateChanged;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The waiting tickets (new or open, unassigned) of every desk, held in memory on each app node so that "next" ranks
 * them in Java instead of asking the database to score every waiting row (ADR 0012). It is derived data and never
 * decides alone: the claim re-checks the row in the database under {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>Kept in step three ways: before each decision it reads back the tickets named by this node's own committed ticket
 * events (its own assignments it drops at commit, {@link #claimed}); while agents are asking, {@link #look()} reads every
 * {@code refresh} the tickets changed since the newest {@code updated_at} seen (every write path sets it, ADR 0010) or
 * newer than the highest id seen — what other nodes wrote — and once every {@code deepLook} those of the last
 * {@code lookback} before it (a transaction that committed after a later one); and every {@code reload} it reads all waiting
 * tickets again (a transaction that committed later than the look-back, an account manager changed on a distributor).
 *
 * <p>The columns and the ranking scan are {@link WaitingIndex}.
 */
@Component
class WaitingTickets {

    /**
     * A waiting ticket with what ranks it, precomputed for the scan: {@code base} is the segment, type and priority
     * points (and a hardship request's, {@link PriorityScores#HARDSHIP_FIRST}); {@code dueMillis} the active due time ({@code Long.MAX_VALUE}: none); {@code heldFirst} a VIP or key
     * account's ticket, which its account manager ({@code accountManager}, an employee id) may get first.
     */
    record Entry(
            long id,
            Desk desk,
            boolean confidential,
            String skill,
            Long accountManager,
            int base,
            long dueMillis,
            long createdMillis,
            boolean heldFirst) {}

    /** What an agent may take: the desks served, confidential or not, the skills; and who they are as an employee. */
    record Asker(Set<Desk> desks, boolean confidential, Set<String> skills, long employeeId) {}

    private static final String COLUMNS = """
            select t.id, t.desk, t.state, t.assignee_id, t.confidential, t.confidential_case, t.skill, t.segment, t.type, t.hr_topic, t.priority,
                   t.first_response_due, t.first_responded_at, t.resolution_due, t.created_at, t.updated_at, d.account_manager_id
              from tickets t left join distributors d on d.id = t.distributor_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration lookback;
    private final Duration refresh;
    private final Duration deepLook;
    private final ReentrantLock syncing = new ReentrantLock();
    private final Set<Long> touched = ConcurrentHashMap.newKeySet();
    private volatile WaitingIndex waiting = new WaitingIndex();
    /** Written under {@link #syncing}. */
    private volatile Instant watermark;

    private volatile long highestId;
    private volatile boolean loaded;
    private volatile long lastLook;
    private volatile long lastDeepLook;
    private volatile long lastAsked;

    WaitingTickets(
            NamedParameterJdbcTemplate jdbc,
            @Value("${backstop.routing.index-lookback:5s}") Duration lookback,
            @Value("${backstop.routing.index-refresh:50ms}") Duration refresh,
            @Value("${backstop.routing.index-deep-look:1s}") Duration deepLook) {
        this.jdbc = jdbc;
        this.lookback = lookback;
        this.refresh = refresh;
        this.deepLook = deepLook;
    }

    /** Reads every waiting ticket again; also the first load. */
    @Scheduled(
            initialDelayString = "${backstop.routing.index-reload:60s}",
            fixedDelayString = "${backstop.routing.index-reload:60s}")
    void reload() {
        syncing.lock();
        try {
            // the watermark first: whatever changes while the waiting tickets are read is read again by the next sync
            record High(Instant at, long id) {}
            High high = jdbc.queryForObject(
                    "select max(updated_at), max(id) from tickets",
                    Map.of(),
                    (rs, n) -> new High(
                            rs.getTimestamp(1) == null
                                    ? Instant.EPOCH
                                    : rs.getTimestamp(1).toInstant(),
                            rs.getLong(2)));
            WaitingIndex fresh = new WaitingIndex();
            jdbc.query(
                    COLUMNS
                            + " where t.state in ('NEW', 'OPEN') and t.assignee_id is null and t.confidential_case = false",
                    Map.of(),
                    rs -> {
                        fresh.put(entry(rs));
                    });
            waiting = fresh;
            watermark = high.at();
            highestId = high.id();
            loaded = true;
        } finally {
            syncing.unlock();
        }
    }

    /**
     * Before a decision: this node's own committed changes at once (by id). Other nodes' changes come from
     * {@link #look()} in the background while agents are asking; after a quiet spell the decision looks itself.
     */
    void sync() {
        lastAsked = System.nanoTime();
        if (!loaded) {
            syncing.lock();
            try {
                if (!loaded) {
                    reload();
                    touched.clear();
                    lastLook = System.nanoTime();
                    return;
                }
            } finally {
                syncing.unlock();
            }
        }
        List<Long> named = List.copyOf(touched);
        touched.removeAll(named);
        boolean look = System.nanoTime() - lastLook >= 2 * refresh.toNanos(); // the background look is not running
        if (look || !named.isEmpty()) {
            read(named, look);
        }
    }

    /** Every {@code refresh} while agents are asking (a decision in the last minute): other nodes' changes. */
    @Scheduled(
            initialDelayString = "${backstop.routing.index-refresh:50ms}",
            fixedDelayString = "${backstop.routing.index-refresh:50ms}")
    void look() {
        if (!loaded || System.nanoTime() - lastAsked > Duration.ofMinutes(1).toNanos()) {
            return;
        }
        read(List.of(), true); // this node's own changes are left to the decisions, which must see them at once
    }

    /** A ticket this node just assigned: out of the waiting tickets at its commit, without reading it back. */
    void claimed(long ticketId) {
        AfterCommit.run(() -> {
            waiting.remove(ticketId);
            touched.remove(ticketId);
        });
    }

    /**
     * Reads the named tickets and, with {@code look}, those changed since the watermark's look-back or newer than any
     * seen. The query runs without the lock (a decision never waits for the background look's round trip); only
     * applying the rows takes it. A row applied out of order is corrected by the next look (it is within the look-back),
     * and the claim checks the database anyway.
     */
    private void read(List<Long> named, boolean look) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("named", named.isEmpty() ? List.of(-1L) : named);
        String sql = COLUMNS + " where t.id in (:named)";
        if (look) {
            // the look-back re-reads every ticket changed in its last seconds (~700 rows at 140 assignments a second):
            // only
            // once every deepLook; the other looks read what is newer than the watermark, a handful of rows, and so
            // take
            // less from the database that the claims are waiting on (benchmarks/routing/LATENCY.md)
            boolean deep = System.nanoTime() - lastDeepLook >= deepLook.toNanos();
            parameters.put("since", Timestamp.from(deep ? watermark.minus(lookback) : watermark));
            if (deep) {
                lastDeepLook = System.nanoTime();
            }
            parameters.put("highest", highestId);
            // three index lookups (updated_at, id range, ids) rather than one OR the planner may answer with a scan
            sql = COLUMNS + " where t.updated_at >= :since union all " + COLUMNS + " where t.id > :highest"
                    + (named.isEmpty() ? "" : " union all " + COLUMNS + " where t.id in (:named)");
            lastLook = System.nanoTime();
        }
        record Row(long id, Instant updated, Entry entry) {}
        List<Row> rows = jdbc.query(sql, parameters, (rs, n) -> {
            // a confidential case is never routed: an HR lead gives it to someone by hand
            boolean stillWaiting = rs.getObject("assignee_id") == null
                    && !rs.getBoolean("confidential_case")
                    && ("NEW".equals(rs.getString("state")) || "OPEN".equals(rs.getString("state")));
            return new Row(
                    rs.getLong("id"), rs.getTimestamp("updated_at").toInstant(), stillWaiting ? entry(rs) : null);
        });
        syncing.lock();
        try {
            for (Row row : rows) {
                if (row.updated().isAfter(watermark)) {
                    watermark = row.updated();
                }
                highestId = Math.max(highestId, row.id());
                if (row.entry() != null) {
                    waiting.put(row.entry());
                } else {
                    waiting.remove(row.id());
                }
            }
        } finally {
            syncing.unlock();
        }
    }

    /**
     * The best {@code limit} waiting tickets the asker may take, best first: their own accounts' tickets first, then
     * by score ({@link PriorityScores}), then the oldest, then the lowest id — the order of the queue view.
     *
     * @param availableManagers given the account managers (employee ids) of young VIP / key tickets, answers which of
     *     them are available as another agent: those tickets are held for them
     * @param skip tickets already tried (locked by another agent's claim in flight, or no longer free)
     */
    List<Long> best(
            Asker asker,
            Instant now,
            Instant managerCutoff,
            Function<Set<Long>, Set<Long>> availableManagers,
            Set<Long> skip,
            int limit) {
        return WaitingIndex.best(waiting, asker, now, managerCutoff, availableManagers, skip, limit);
    }

    @EventListener
    void on(TicketOpened event) {
        AfterCommit.run(() -> touched.add(event.ticketId()));
    }

    @EventListener
    void on(TicketChanged event) {
        AfterCommit.run(() -> touched.add(event.id()));
    }

    @EventListener
    void on(TicketStateChanged event) {
        AfterCommit.run(() -> touched.add(event.ticketId()));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String name = rs.getString("segment");
        Segment segment = name == null ? null : Segment.valueOf(name);
        long manager = rs.getLong("account_manager_id");
        Long accountManager = rs.wasNull() ? null : manager;
        Instant due =
                instant(rs, rs.getTimestamp("first_responded_at") == null ? "first_response_due" : "resolution_due");
        return new Entry(
                rs.getLong("id"),
                Desk.valueOf(rs.getString("desk")),
                rs.getBoolean("confidential"),
                rs.getString("skill"),
                accountManager,
                PriorityScores.segment(segment)
                        + PriorityScores.type(TicketType.valueOf(rs.getString("type")))
                        + PriorityScores.hardship(TicketType.valueOf(rs.getString("type")), topic(rs))
                        + PriorityScores.priority(Priority.valueOf(rs.getString("priority"))),
                due == null ? Long.MAX_VALUE : due.toEpochMilli(),
                rs.getTimestamp("created_at").getTime(),
                segment == Segment.VIP || segment == Segment.KEY);
    }

    private static HrTopic topic(ResultSet rs) throws SQLException {
        String topic = rs.getString("hr_topic");
        return topic == null ? null : HrTopic.valueOf(topic);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
