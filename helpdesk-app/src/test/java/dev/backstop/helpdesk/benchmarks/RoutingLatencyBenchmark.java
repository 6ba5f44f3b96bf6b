package dev.backstop.helpdesk.benchmarks;

import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.routing.TicketRouted;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Routing decision latency (not part of the test run; {@code benchmarks/routing/latency.sh}): 10,000 waiting
 * channel tickets with a realistic mix, 200 available agents, on a real PostgreSQL 17; each "next" ranks, claims and
 * assigns one ticket through {@link TicketRouting} in its own transaction.
 */
@SpringBootTest
@PostgresTest
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/routing-latency",
            "backstop.sla.escalation.enabled=false",
            "backstop.demo-data=false",
            "logging.level.root=warn"
        })
class RoutingLatencyBenchmark {

    static final int WAITING = 10_000;
    /**
     * Decisions before the measured ones, so that the JIT has compiled the claim's JDBC path (C2 compiles a method after
     * ~10,000 calls of its loops; 100 warm-up decisions left the first measured hundreds partly interpreted). Their
     * tickets come on top of {@link #WAITING}: the measured decisions start with 10,000 waiting.
     */
    static final int WARMUP = Integer.getInteger("routing.warmup", 2_000);

    static final int AGENTS = 200;
    static final int DECISIONS = 2_000;
    static final int CONCURRENT = 8;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketRouting routing;

    @Autowired
    AgentProfiles profiles;

    @Autowired
    Decisions decisions;

    /** Collects the decision time of each "next" (rank + claim) while {@code recording}. */
    @TestConfiguration
    static class Decisions {
        volatile boolean recording;
        final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Long> ranking = java.util.Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(TicketRouted routed) {
            if (recording) {
                nanos.add(routed.decisionNanos());
                ranking.add(routed.rankingNanos());
            }
        }
    }

    @Test
    void measure() throws IOException {
        Random random = new Random(7);
        Instant now = Instant.now();
        long policy = jdbc.queryForObject("select id from sla_policies where name_en = 'Channel desk'", Long.class);
        long calendar = jdbc.queryForObject("select calendar_id from sla_policies where id = ?", Long.class, policy);
        List<Object[]> rows = new ArrayList<>();
        String[] types = {"INQUIRY", "SERVICE_REQUEST", "COMPLAINT", "FAULT_REPORT"};
        String[] priorities = {"LOW", "NORMAL", "NORMAL", "NORMAL", "HIGH", "URGENT"};
        String[] skills = {null, null, "ORDERS", "FINANCE", "POLICY"};
        for (int i = 0; i < WAITING + WARMUP; i++) {
            double u = random.nextDouble();
            String segment = u < 0.04 ? "VIP" : u < 0.10 ? "KEY" : u < 0.13 ? "SPECIAL" : "GENERAL";
            Instant created = now.minusSeconds(random.nextInt(6 * 3600));
            rows.add(new Object[] {
                "BM-%06d".formatted(i),
                types[random.nextInt(types.length)],
                priorities[random.nextInt(priorities.length)],
                segment,
                skills[random.nextInt(skills.length)],
                Timestamp.from(created),
                Timestamp.from(created),
                policy,
                calendar,
                Timestamp.from(created.plus(Duration.ofMinutes(240))),
                Timestamp.from(created.plus(Duration.ofMinutes(192))),
                Timestamp.from(created.plus(Duration.ofMinutes(1440))),
                Timestamp.from(created.plus(Duration.ofMinutes(1152)))
            });
        }
        jdbc.batchUpdate(
                """
                insert into tickets (ticket_key, desk, type, channel, priority, state, requester_kind, subject, segment, skill,
                                     created_at, updated_at, sla_policy_id, sla_calendar_id, first_response_due,
                                     first_response_risk_at, resolution_due, resolution_risk_at, version)
                values (?, 'CHANNEL', ?, 'PHONE', ?, 'NEW', 'UNKNOWN_CALLER', '基准测试工单', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                rows.stream()
                        .map(r -> new Object[] {
                            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12]
                        })
                        .toList());
        jdbc.execute("analyze tickets");
        List<CurrentUser> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String username = "bench-agent-" + i;
            jdbc.update(
                    "insert into app_users (username, password_hash, display_name, created_at) values (?, '{noop}x', ?, ?)",
                    username,
                    "坐席" + i,
                    Timestamp.from(now));
            long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
            jdbc.update("insert into user_roles (user_id, role) values (?, 'CHANNEL_AGENT')", id);
            profiles.configure(id, 50, i % 2 == 0 ? List.of("ORDERS", "FINANCE") : List.of("POLICY"));
            profiles.setPresence(id, Presence.AVAILABLE);
            agents.add(new CurrentUser(id, username, "坐席" + i, Set.of(Role.CHANNEL_AGENT), null, null, null, null));
        }
        for (int i = 0; i < WARMUP; i++) {
            routing.next(agents.get(i % AGENTS));
        }
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long[] nanos = new long[DECISIONS];
        decisions.recording = true;
        long start = System.nanoTime();
        for (int i = 0; i < DECISIONS; i++) {
            long t0 = System.nanoTime();
            routing.next(agents.get(random.nextInt(AGENTS))).orElseThrow();
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        decisions.recording = false;
        long gcCount = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;
        long[] claims = new long[decisions.nanos.size()];
        for (int i = 0; i < claims.length; i++) {
            claims[i] = decisions.nanos.get(i) - decisions.ranking.get(i);
        }
        Arrays.sort(claims);
        long[] decided =
                decisions.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] ranked =
                decisions.ranking.stream().mapToLong(Long::longValue).sorted().toArray();
        Arrays.sort(nanos);

        // the same, with 8 agents asking at the same moment (each claim skips the rows the others hold)
        decisions.nanos.clear();
        decisions.ranking.clear();
        decisions.recording = true;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(CONCURRENT);
        long concurrentStart = System.nanoTime();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CONCURRENT; t++) {
            int offset = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < DECISIONS / CONCURRENT; i++) {
                    routing.next(agents.get((offset + i * CONCURRENT) % AGENTS)).orElseThrow();
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        double concurrentSeconds = (System.nanoTime() - concurrentStart) / 1e9;
        pool.shutdown();
        decisions.recording = false;
        long[] concurrent =
                decisions.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        String report = """
                # Routing decision latency

                %d waiting channel tickets (4 %% VIP, 6 %% key, mixed types, priorities and skills), %d available agents,
                PostgreSQL 17 (embedded, same machine, a Hikari pool of 10), one thread, %d decisions after %d warm-up
                decisions (whose tickets come on top, so the measured ones start with 10,000 waiting), then the same number
                from 8 threads (the waiting tickets go from 10,000 down to 6,000). Garbage collection during the one-thread
                pass: %d collections, %d ms in all. Written by `benchmarks/routing/latency.sh` (RoutingLatencyBenchmark)
                on %s.

                - **ranking**: which ticket — this node's own committed changes read back (none after its own
                  assignment), then the 10,000 waiting tickets in memory ranked for the agent (desk, skill, score);
                  other nodes' changes are read in the background every 50 ms while agents ask (ADR 0012);
                - **claim**: the decision less the ranking — locking the chosen row in the database (one `SELECT …
                  FOR UPDATE SKIP LOCKED` round trip);
                - **decision**: the ranking plus the claim of the best one in the database — the
                  `backstop.routing.decision` timer;
                - **next()**: the whole call an agent makes — the checks (presence, capacity), the decision, the
                  assignment with its timeline entry, the commit, and the ticket details it answers with.

                | | p50 | p95 | p99 | max | per second |
                |---|---|---|---|---|---|
                | ranking | %s | %s | %s | %s | |
                | claim | %s | %s | %s | %s | |
                | decision | %s | %s | %s | %s | |
                | next() | %s | %s | %s | %s | %.0f |
                | decision, %d agents asking at once | %s | %s | %s | %s | %.0f next() |
                """.formatted(
                        WAITING,
                        AGENTS,
                        DECISIONS,
                        WARMUP,
                        gcCount,
                        gcMillis,
                        java.time.LocalDateTime.now().withNano(0),
                        ms(ranked, 0.50),
                        ms(ranked, 0.95),
                        ms(ranked, 0.99),
                        ms(ranked, 1.0),
                        ms(claims, 0.50),
                        ms(claims, 0.95),
                        ms(claims, 0.99),
                        ms(claims, 1.0),
                        ms(decided, 0.50),
                        ms(decided, 0.95),
                        ms(decided, 0.99),
                        ms(decided, 1.0),
                        ms(nanos, 0.50),
                        ms(nanos, 0.95),
                        ms(nanos, 0.99),
                        ms(nanos, 1.0),
                        DECISIONS / seconds,
                        CONCURRENT,
                        ms(concurrent, 0.50),
                        ms(concurrent, 0.95),
                        ms(concurrent, 0.99),
                        ms(concurrent, 1.0),
                        concurrent.length / concurrentSeconds);
        System.out.println(report);
        Path out = Path.of(System.getProperty("backstop.benchmark.out", "target/routing-latency.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
    }

    static long gcCount() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    static String ms(long[] sorted, double quantile) {
        int at = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return "%.2f ms".formatted(sorted[Math.max(0, at)] / 1e6);
    }
}
