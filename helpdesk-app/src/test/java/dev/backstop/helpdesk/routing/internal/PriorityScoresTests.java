package dev.backstop.helpdesk.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing index ranks with {@link PriorityScores.At}; the supervisor's "why is this first?" shows {@link PriorityScores#of}. */
class PriorityScoresTests {

    @Test
    void theRankingScoreIsTheSumTheSupervisorSeesAtEveryStepBoundary() {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        PriorityScores.At at = new PriorityScores.At(now);
        List<Instant> moments = new ArrayList<>();
        moments.add(null);
        for (long minutes : new long[] {0, 30, 60, 120, 240, 480}) {
            for (long seconds : new long[] {-1, 0, 1}) {
                moments.add(now.plusSeconds(minutes * 60 + seconds));
                moments.add(now.minusSeconds(minutes * 60 + seconds));
            }
        }
        int compared = 0;
        for (Segment segment : new Segment[] {null, Segment.VIP, Segment.KEY, Segment.GENERAL}) {
            for (TicketType type : TicketType.values()) {
                for (Priority priority : Priority.values()) {
                    for (Instant due : moments) {
                        for (Instant created : moments) {
                            if (created == null) {
                                continue;
                            }
                            assertThat(at.total(segment, type, priority, due, created))
                                    .as("%s %s %s due %s created %s", segment, type, priority, due, created)
                                    .isEqualTo(PriorityScores.of(segment, type, priority, due, created, now)
                                            .total());
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        // and the steps do separate: overdue, old, VIP urgent complaint is the highest score there is
        assertThat(at.total(Segment.VIP, TicketType.COMPLAINT, Priority.URGENT, now, now.minusSeconds(4 * 3600)))
                .isEqualTo(40 + 25 + 30 + 40 + 20);
    }
}
