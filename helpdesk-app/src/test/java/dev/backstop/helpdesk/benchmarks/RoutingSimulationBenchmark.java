package dev.backstop.helpdesk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A simulated day at the channel desk (not part of the test run; {@code benchmarks/routing/simulate.sh}). The same
 * arrival trace — Poisson arrivals by hour, ~10 % VIP / key callers, exponential handle times — goes through plain
 * FIFO, value-based priority (the segment and type weights of {@code PriorityScores}, plus waiting age), and
 * priority with agents reserved for VIP / key callers (a general caller is taken only while more than R agents are
 * idle). Staffing per hour gives the target occupancy. Reports service level (answered within T) and mean wait
 * per segment, and the Erlang C figure the issue names as the cap for priority alone.
 */
class RoutingSimulationBenchmark {

    enum Segment {
        VIP,
        KEY,
        GENERAL
    }

    enum Policy {
        FIFO,
        PRIORITY,
        PRIORITY_RESERVED
    }

    record Call(int id, double arrival, double handle, Segment segment, boolean complaint) {}

    static final double AHT = 360; // seconds
    static final double TARGET = 60; // answered within 60 s
    static final int OPEN_HOUR = 8, CLOSE_HOUR = 20;
    /** Calls per hour, 08:00–20:00: a morning and an after-lunch peak, as a channel desk sees them. */
    static final double[] PER_HOUR = {60, 140, 180, 170, 120, 110, 160, 170, 150, 120, 90, 60};

    static final int DAYS = 30;

    @Test
    void simulateADay() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Routing simulation: FIFO vs value-based routing\n\n");
        out.append(
                "Trace: %d days × 12 h, %s calls/h by hour, AHT %.0f s (exponential), ~4 %% VIP, ~6 %% key, 10 %% complaints; "
                        .formatted(DAYS, java.util.Arrays.toString(PER_HOUR), AHT));
        out.append("service level = answered within %.0f s. Seed 20261123.\n\n".formatted(TARGET));
        for (double occupancy : new double[] {0.70, 0.85}) {
            List<Call> calls = trace(new Random(20261123));
            int[] staffing = staffing(occupancy);
            out.append("## Occupancy %.2f (agents by hour %s)\n\n"
                    .formatted(occupancy, java.util.Arrays.toString(staffing)));
            out.append(
                    "| routing | SL VIP | SL key | SL general | SL overall | mean wait VIP (s) | mean wait key | mean wait general | mean wait overall |\n");
            out.append("|---|---|---|---|---|---|---|---|---|\n");
            Map<Policy, Result> results = new EnumMap<>(Policy.class);
            for (Policy policy : Policy.values()) {
                Result r = run(calls, staffing, policy, reserve(staffing));
                results.put(policy, r);
                out.append("| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f | %.1f | %.1f | %.1f |\n"
                        .formatted(
                                policy,
                                100 * r.sl(Segment.VIP),
                                100 * r.sl(Segment.KEY),
                                100 * r.sl(Segment.GENERAL),
                                100 * r.slAll(),
                                r.meanWait(Segment.VIP),
                                r.meanWait(Segment.KEY),
                                r.meanWait(Segment.GENERAL),
                                r.meanWaitAll()));
            }
            double cap = erlangCap(staffing);
            Result fifo = results.get(Policy.FIFO);
            Result priority = results.get(Policy.PRIORITY);
            Result reserved = results.get(Policy.PRIORITY_RESERVED);
            double vipKeyPriority = priority.slVipKey();
            out.append(
                    "\nErlang C cap for priority alone, 1 − P(wait)·e^(−(N−A)·t/AHT), weighted by the hour's calls: **%.1f %%**. "
                            .formatted(100 * cap));
            out.append(
                    "Priority: VIP+key SL %.1f %% (%s within 2 points of the cap: %s); non-VIP mean wait %.2f× FIFO's (target ≤ 1.25: %s); "
                            .formatted(
                                    100 * vipKeyPriority,
                                    vipKeyPriority >= cap ? "at or above, i.e." : "",
                                    Math.abs(vipKeyPriority - cap) <= 0.02 || vipKeyPriority > cap ? "yes" : "no",
                                    priority.meanWait(Segment.GENERAL) / Math.max(fifo.meanWait(Segment.GENERAL), 1e-9),
                                    priority.meanWait(Segment.GENERAL) <= 1.25 * fifo.meanWait(Segment.GENERAL)
                                            ? "yes"
                                            : "no"));
            out.append("overall SL %.1f %% vs FIFO %.1f %% (not below: %s). "
                    .formatted(
                            100 * priority.slAll(),
                            100 * fifo.slAll(),
                            priority.slAll() >= fifo.slAll() - 1e-9 ? "yes" : "no"));
            out.append("Reserved agents: VIP+key SL %.1f %% (target ≥ 95 %%: %s).\n\n"
                    .formatted(100 * reserved.slVipKey(), reserved.slVipKey() >= 0.95 ? "yes" : "no"));
            out.append(
                    "The issue's formula is Erlang C's service level for *all* callers under FIFO (compare the FIFO row). A VIP at the "
                            + "head of the queue waits only for the first agent to free up, so its bound under priority alone is "
                            + "1 − P(wait)·e^(−N·t/AHT) = **%.1f %%**; the simulated VIP+key figure is measured against both.\n\n"
                                    .formatted(100 * headOfLineCap(staffing)));
        }
        System.out.println(out);
        Path results = Path.of(System.getProperty("backstop.benchmark.out", "target/routing-simulation.md"));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, out);
    }

    static List<Call> trace(Random random) {
        List<Call> calls = new ArrayList<>();
        int id = 0;
        for (int day = 0; day < DAYS; day++) {
            for (int h = 0; h < PER_HOUR.length; h++) {
                double t = 0;
                double rate = PER_HOUR[h] / 3600.0;
                while (true) {
                    t += -Math.log(1 - random.nextDouble()) / rate;
                    if (t >= 3600) {
                        break;
                    }
                    double u = random.nextDouble();
                    Segment segment = u < 0.04 ? Segment.VIP : u < 0.10 ? Segment.KEY : Segment.GENERAL;
                    double arrival = day * 86400.0 + (OPEN_HOUR + h) * 3600.0 + t;
                    calls.add(new Call(
                            id++,
                            arrival,
                            -Math.log(1 - random.nextDouble()) * AHT,
                            segment,
                            random.nextDouble() < 0.10));
                }
            }
        }
        return calls;
    }

    static int[] staffing(double occupancy) {
        int[] n = new int[PER_HOUR.length];
        for (int h = 0; h < n.length; h++) {
            n[h] = (int) Math.ceil(PER_HOUR[h] * AHT / 3600.0 / occupancy);
        }
        return n;
    }

    /** Agents held back for VIP / key callers: one (more costs general callers much and buys VIPs little; see the note). */
    static int[] reserve(int[] staffing) {
        int[] r = new int[staffing.length];
        java.util.Arrays.fill(r, 1);
        return r;
    }

    /** The score the router gives: segment and type weights of PriorityScores, plus its waiting steps. */
    static int score(Call call, double now) {
        int segment = switch (call.segment()) {
            case VIP -> 40;
            case KEY -> 30;
            case GENERAL -> 0;
        };
        double waited = now - call.arrival();
        int waiting = waited >= 4 * 3600 ? 20 : waited >= 2 * 3600 ? 15 : waited >= 3600 ? 10 : waited >= 1800 ? 5 : 0;
        return segment + (call.complaint() ? 25 : 0) + waiting;
    }

    record Result(Map<Segment, double[]> bySegment) {
        double sl(Segment s) {
            double[] v = bySegment.get(s);
            return v[1] / v[0];
        }

        double meanWait(Segment s) {
            double[] v = bySegment.get(s);
            return v[2] / v[0];
        }

        double slAll() {
            return bySegment.values().stream().mapToDouble(v -> v[1]).sum()
                    / bySegment.values().stream().mapToDouble(v -> v[0]).sum();
        }

        double meanWaitAll() {
            return bySegment.values().stream().mapToDouble(v -> v[2]).sum()
                    / bySegment.values().stream().mapToDouble(v -> v[0]).sum();
        }

        double slVipKey() {
            double[] v = bySegment.get(Segment.VIP);
            double[] k = bySegment.get(Segment.KEY);
            return (v[1] + k[1]) / (v[0] + k[0]);
        }
    }

    /** Event-driven: agents free up, calls arrive; at each event idle agents take waiting calls by the policy. */
    static Result run(List<Call> calls, int[] staffing, Policy policy, int[] reserve) {
        Map<Segment, double[]> stats = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) {
            stats.put(s, new double[3]); // count, within target, total wait
        }
        PriorityQueue<double[]> busyUntil = new PriorityQueue<>(Comparator.comparingDouble(a -> a[0]));
        List<Call> waiting = new ArrayList<>();
        ArrayDeque<Call> arrivals = new ArrayDeque<>(calls);
        int busy = 0;
        double now = 0;
        while (!arrivals.isEmpty() || !waiting.isEmpty()) {
            double nextArrival =
                    arrivals.isEmpty() ? Double.MAX_VALUE : arrivals.peekFirst().arrival();
            double nextFree = busyUntil.isEmpty() ? Double.MAX_VALUE : busyUntil.peek()[0];
            if (nextFree <= nextArrival) {
                now = nextFree;
                busyUntil.poll();
                busy--;
            } else {
                now = nextArrival;
                waiting.add(arrivals.pollFirst());
            }
            int hour = (int) Math.floor((now % 86400) / 3600) - OPEN_HOUR;
            int agents = staffing[Math.max(0, Math.min(staffing.length - 1, hour))];
            int reserved =
                    policy == Policy.PRIORITY_RESERVED ? reserve[Math.max(0, Math.min(reserve.length - 1, hour))] : 0;
            while (busy < agents && !waiting.isEmpty()) {
                int idle = agents - busy;
                Call next = pick(waiting, policy, now, idle > reserved);
                if (next == null) {
                    break;
                }
                waiting.remove(next);
                double wait = now - next.arrival();
                double[] s = stats.get(next.segment());
                s[0]++;
                s[1] += wait <= TARGET ? 1 : 0;
                s[2] += wait;
                busy++;
                busyUntil.add(new double[] {now + next.handle()});
            }
        }
        return new Result(stats);
    }

    static Call pick(List<Call> waiting, Policy policy, double now, boolean generalAllowed) {
        if (policy == Policy.FIFO) {
            return waiting.getFirst();
        }
        Call best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Call call : waiting) {
            if (!generalAllowed && call.segment() == Segment.GENERAL) {
                continue;
            }
            int score = score(call, now);
            if (score > bestScore) { // ties: the earlier arrival (the list is in arrival order)
                best = call;
                bestScore = score;
            }
        }
        return best;
    }

    /** Erlang C: 1 − P(wait)·e^(−(N−A)·t/AHT) per hour, weighted by the hour's calls. */
    static double erlangCap(int[] staffing) {
        double weighted = 0;
        double total = 0;
        for (int h = 0; h < staffing.length; h++) {
            double a = PER_HOUR[h] * AHT / 3600.0;
            int n = staffing[h];
            double pWait = erlangC(n, a);
            weighted += PER_HOUR[h] * (1 - pWait * Math.exp(-(n - a) * TARGET / AHT));
            total += PER_HOUR[h];
        }
        return weighted / total;
    }

    /** What a caller always at the head of the queue gets: waits only while all N are busy, for the first to free up. */
    static double headOfLineCap(int[] staffing) {
        double weighted = 0;
        double total = 0;
        for (int h = 0; h < staffing.length; h++) {
            double a = PER_HOUR[h] * AHT / 3600.0;
            int n = staffing[h];
            weighted += PER_HOUR[h] * (1 - erlangC(n, a) * Math.exp(-n * TARGET / AHT));
            total += PER_HOUR[h];
        }
        return weighted / total;
    }

    static double erlangC(int n, double a) {
        double sum = 0;
        double term = 1;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                term *= a / k;
            }
            sum += term;
        }
        double last = term * a / n; // a^n / n!
        double top = last * n / (n - a);
        return top / (sum + top);
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
