package dev.backstop.helpdesk.routing.internal;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * The waiting tickets as columns of primitives, one slot per ticket (a freed slot is reused): a scan of 10,000 reads a
 * few contiguous arrays instead of following map nodes and entry objects spread over the heap. Between two
 * decisions the rest of a request evicts the caches; map-and-object scans then cost ~0.45 ms, the columns a fraction
 * of that (benchmarks/routing/LATENCY.md). Desk and skill are small numbers, so the asker's filter is an array lookup.
 * Written and read under a read-write lock: writes are few and short. Filled by {@link WaitingTickets}; {@link #best}
 * ranks it for one "next".
 */
final class WaitingIndex {
    static final long NONE = Long.MIN_VALUE;

    @FunctionalInterface
    interface Visitor {
        void visit(long id, int base, long dueMillis, long createdMillis, long manager, boolean heldFirst);
    }

    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final Map<Long, Integer> slots = new HashMap<>();
    private final java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
    private final Map<String, Integer> skillNumbers = new HashMap<>();
    private int used;
    private long[] ids = new long[1024];
    private int[] bases = new int[1024];
    private long[] dues = new long[1024];
    private long[] createds = new long[1024];
    private long[] managers = new long[1024];
    /** 0: a free slot; otherwise the desk's ordinal + 1. */
    private byte[] desks = new byte[1024];
    /** 0: no skill; otherwise the skill's number + 1. */
    private int[] skills = new int[1024];

    private boolean[] confidentials = new boolean[1024];
    private boolean[] heldFirsts = new boolean[1024];

    void put(WaitingTickets.Entry entry) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.get(entry.id());
            if (slot == null) {
                slot = free.isEmpty() ? next() : free.pop();
                slots.put(entry.id(), slot);
            }
            ids[slot] = entry.id();
            bases[slot] = entry.base();
            dues[slot] = entry.dueMillis();
            createds[slot] = entry.createdMillis();
            managers[slot] = entry.accountManager() == null ? NONE : entry.accountManager();
            desks[slot] = (byte) (entry.desk().ordinal() + 1);
            skills[slot] = entry.skill() == null
                    ? 0
                    : skillNumbers.computeIfAbsent(entry.skill(), s -> skillNumbers.size()) + 1;
            confidentials[slot] = entry.confidential();
            heldFirsts[slot] = entry.heldFirst();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(long id) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.remove(id);
            if (slot != null) {
                desks[slot] = 0;
                free.push(slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Every waiting ticket the asker may take (desk, confidentiality, skill). */
    void scan(WaitingTickets.Asker asker, Visitor visitor) {
        boolean[] desk = new boolean[Desk.values().length + 1];
        asker.desks().forEach(d -> desk[d.ordinal() + 1] = true);
        lock.readLock().lock();
        try {
            boolean[] skill = new boolean[skillNumbers.size() + 1];
            skill[0] = true;
            skillNumbers.forEach(
                    (name, number) -> skill[number + 1] = asker.skills().contains(name));
            boolean confidential = asker.confidential();
            for (int i = 0; i < used; i++) {
                if (desk[desks[i]] && skill[skills[i]] && (confidential || !confidentials[i])) {
                    visitor.visit(ids[i], bases[i], dues[i], createds[i], managers[i], heldFirsts[i]);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private int next() {
        if (used == ids.length) {
            int size = used * 2;
            ids = Arrays.copyOf(ids, size);
            bases = Arrays.copyOf(bases, size);
            dues = Arrays.copyOf(dues, size);
            createds = Arrays.copyOf(createds, size);
            managers = Arrays.copyOf(managers, size);
            desks = Arrays.copyOf(desks, size);
            skills = Arrays.copyOf(skills, size);
            confidentials = Arrays.copyOf(confidentials, size);
            heldFirsts = Arrays.copyOf(heldFirsts, size);
        }
        return used++;
    }

    static List<Long> best(
            WaitingIndex index,
            WaitingTickets.Asker asker,
            Instant now,
            Instant managerCutoff,
            Function<Set<Long>, Set<Long>> availableManagers,
            Set<Long> skip,
            int limit) {
        Comparator<Ranked> order = Comparator.comparingInt(Ranked::own)
                .thenComparingInt(Ranked::score)
                .thenComparing(Comparator.comparingLong(Ranked::created).reversed())
                .thenComparing(Comparator.comparingLong(Ranked::id).reversed());
        PriorityScores.At scores = new PriorityScores.At(now);
        long cutoff = managerCutoff.toEpochMilli();
        PriorityQueue<Ranked> top = new PriorityQueue<>(limit + 1, order); // the worst of the best at the head
        List<Ranked> held = new ArrayList<>(); // may be held for their account manager
        index.scan(asker, (id, base, due, created, manager, heldFirst) -> {
            if (!skip.isEmpty() && skip.contains(id)) {
                return;
            }
            int own = manager == asker.employeeId() ? 1 : 0;
            int score = base + scores.timeParts(due, created);
            if (own == 0 && manager != NONE && heldFirst && created > cutoff) {
                held.add(new Ranked(id, own, score, created, manager));
                return;
            }
            offer(top, order, limit, own, score, created, id, null);
        });
        if (!held.isEmpty()) {
            Set<Long> holding = availableManagers.apply(
                    held.stream().map(Ranked::manager).collect(java.util.stream.Collectors.toSet()));
            for (Ranked r : held) {
                if (!holding.contains(r.manager())) {
                    offer(top, order, limit, r.own(), r.score(), r.created(), r.id(), r);
                }
            }
        }
        List<Ranked> sorted = new ArrayList<>(top);
        sorted.sort(order.reversed());
        return sorted.stream().map(Ranked::id).toList();
    }

    /** Keeps the best {@code limit}; most tickets are turned away by two int comparisons, without allocating. */
    private static void offer(
            PriorityQueue<Ranked> top,
            Comparator<Ranked> order,
            int limit,
            int own,
            int score,
            long created,
            long id,
            Ranked made) {
        if (top.size() >= limit) {
            Ranked worst = top.peek();
            if (own < worst.own() || own == worst.own() && score < worst.score()) {
                return;
            }
            Ranked ranked = made != null ? made : new Ranked(id, own, score, created, null);
            if (order.compare(ranked, worst) <= 0) {
                return;
            }
            top.poll();
            top.add(ranked);
            return;
        }
        top.add(made != null ? made : new Ranked(id, own, score, created, null));
    }

    private record Ranked(long id, int own, int score, long created, Long manager) {}
}
