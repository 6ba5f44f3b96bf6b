package dev.backstop.helpdesk.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The routing index ranks from columns of primitives with its own slot bookkeeping; what it hands out must be
 * exactly what ranking every waiting ticket would: the queue view's order (own account first, score, oldest, lowest id).
 */
class WaitingTicketsRankingTests {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final List<String> SKILLS = List.of("ORDERS", "FINANCE", "POLICY");

    record Case(WaitingIndex index, List<WaitingTickets.Entry> all) {}

    @Test
    void theBestTicketsAreThoseAFullRankingGives() {
        Random random = new Random(20261123);
        int compared = 0;
        for (int round = 0; round < 200; round++) {
            Case waiting = waiting(random, 50 + random.nextInt(2_000));
            WaitingTickets.Asker asker = new WaitingTickets.Asker(
                    random.nextBoolean() ? Set.of(Desk.CHANNEL) : Set.of(Desk.CHANNEL, Desk.HR),
                    random.nextBoolean(),
                    new HashSet<>(SKILLS.subList(0, random.nextInt(SKILLS.size() + 1))),
                    1 + random.nextInt(8));
            Instant cutoff = NOW.minus(Duration.ofMinutes(5));
            Set<Long> available = random.nextBoolean() ? Set.of(2L, 3L) : Set.of();
            Set<Long> skip = random.nextInt(4) == 0
                    ? waiting.all().stream()
                            .limit(30)
                            .map(WaitingTickets.Entry::id)
                            .collect(Collectors.toSet())
                    : Set.of();
            int limit = 1 + random.nextInt(25);

            List<Long> best = WaitingIndex.best(
                    waiting.index(),
                    asker,
                    NOW,
                    cutoff,
                    managers -> managers.stream().filter(available::contains).collect(Collectors.toSet()),
                    skip,
                    limit);

            assertThat(best)
                    .as("round %d", round)
                    .isEqualTo(fullRanking(waiting.all(), asker, cutoff, available, skip, limit));
            compared += best.size();
        }
        assertThat(compared).as("tickets handed out and compared").isGreaterThan(1_000);
    }

    @Test
    void aTicketRemovedOrChangedIsRankedByWhatItIsNow() {
        Case waiting = waiting(new Random(7), 500);
        WaitingTickets.Asker everyone =
                new WaitingTickets.Asker(Set.of(Desk.CHANNEL, Desk.HR), true, new HashSet<>(SKILLS), 99);
        List<Long> before = WaitingIndex.best(waiting.index(), everyone, NOW, NOW, m -> Set.of(), Set.of(), 5);

        waiting.index().remove(before.getFirst());
        WaitingTickets.Entry last = waiting.all().getLast();
        WaitingTickets.Entry urgent = new WaitingTickets.Entry(
                last.id(),
                Desk.CHANNEL,
                false,
                null,
                null,
                95 + 10,
                NOW.toEpochMilli(),
                NOW.minus(Duration.ofHours(5)).toEpochMilli(),
                false);
        waiting.index().put(urgent); // the same ticket, now the best of all

        List<Long> after = WaitingIndex.best(waiting.index(), everyone, NOW, NOW, m -> Set.of(), Set.of(), 5);
        assertThat(after.getFirst()).isEqualTo(last.id());
        assertThat(after).doesNotContain(before.getFirst()).contains(before.get(1));
    }

    private static Case waiting(Random random, int count) {
        WaitingIndex index = new WaitingIndex();
        List<WaitingTickets.Entry> all = new ArrayList<>();
        int[] bases = {-10, 0, 0, 0, 10, 15, 25, 30, 40, 55, 70, 95};
        for (int i = 0; i < count; i++) {
            Long manager = random.nextInt(10) == 0 ? (long) (1 + random.nextInt(4)) : null;
            long created = NOW.minusSeconds(random.nextInt(6 * 3600)).toEpochMilli();
            long due = random.nextInt(8) == 0
                    ? Long.MAX_VALUE
                    : created + Duration.ofMinutes(30 + random.nextInt(600)).toMillis();
            WaitingTickets.Entry entry = new WaitingTickets.Entry(
                    1_000 + i,
                    random.nextInt(5) == 0 ? Desk.HR : Desk.CHANNEL,
                    random.nextInt(10) == 0,
                    random.nextInt(3) == 0 ? SKILLS.get(random.nextInt(SKILLS.size())) : null,
                    manager,
                    bases[random.nextInt(bases.length)],
                    due,
                    created,
                    manager != null && random.nextBoolean());
            index.put(entry);
            all.add(entry);
            if (random.nextInt(10) == 0) { // taken meanwhile: its slot is reused by the next one
                WaitingTickets.Entry taken = all.remove(random.nextInt(all.size()));
                index.remove(taken.id());
            }
        }
        return new Case(index, all);
    }

    /** Every waiting ticket scored and sorted: what the index must agree with. */
    private static List<Long> fullRanking(
            List<WaitingTickets.Entry> all,
            WaitingTickets.Asker asker,
            Instant cutoff,
            Set<Long> available,
            Set<Long> skip,
            int limit) {
        PriorityScores.At scores = new PriorityScores.At(NOW);
        record Scored(long id, int own, int score, long created) {}
        return all.stream()
                .filter(e -> asker.desks().contains(e.desk())
                        && (!e.confidential() || asker.confidential())
                        && (e.skill() == null || asker.skills().contains(e.skill()))
                        && !skip.contains(e.id()))
                .filter(e -> !(e.accountManager() != null
                        && e.accountManager() != asker.employeeId()
                        && e.heldFirst()
                        && e.createdMillis() > cutoff.toEpochMilli()
                        && available.contains(e.accountManager())))
                .map(e -> new Scored(
                        e.id(),
                        e.accountManager() != null && e.accountManager() == asker.employeeId() ? 1 : 0,
                        e.base() + scores.timeParts(e.dueMillis(), e.createdMillis()),
                        e.createdMillis()))
                .sorted(Comparator.comparingInt(Scored::own)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(Scored::score).reversed())
                        .thenComparingLong(Scored::created)
                        .thenComparingLong(Scored::id))
                .limit(limit)
                .map(Scored::id)
                .toList();
    }
}
