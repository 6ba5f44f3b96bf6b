package dev.backstop.helpdesk.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 15 hr-topics: a hardship request is answered first — no other ticket can ever outscore one. */
class HardshipFirstTests {

    @Test
    void theLeastPressingHardshipRequestOutranksTheMostPressingOtherTicket() {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        PriorityScores.At at = new PriorityScores.At(now);
        Instant overdue = now.minusSeconds(60);
        Instant old = now.minusSeconds(5 * 3600);
        int highestOther = Integer.MIN_VALUE;
        for (Segment segment : Segment.values()) {
            for (TicketType type : TicketType.values()) {
                for (HrTopic topic : HrTopic.values()) {
                    if (type == TicketType.HARDSHIP || topic == HrTopic.HARDSHIP) {
                        continue;
                    }
                    highestOther =
                            Math.max(highestOther, at.total(segment, type, topic, Priority.URGENT, overdue, old));
                }
            }
        }
        int lowestHardship = Integer.MAX_VALUE;
        for (TicketType type : TicketType.values()) {
            lowestHardship = Math.min(lowestHardship, at.total(null, type, HrTopic.HARDSHIP, Priority.LOW, null, now));
        }
        lowestHardship =
                Math.min(lowestHardship, at.total(null, TicketType.HARDSHIP, HrTopic.OTHER, Priority.LOW, null, now));
        assertThat(lowestHardship).isGreaterThan(highestOther);
    }

    @Test
    void theBreakdownNamesHardshipAsTheReasonAndAgreesWithTheRanking() {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        var breakdown = PriorityScores.of(
                Segment.VULNERABLE, TicketType.INQUIRY, HrTopic.HARDSHIP, Priority.NORMAL, null, now, now);
        assertThat(breakdown.hardshipFirst()).isTrue();
        assertThat(breakdown.hardship()).isEqualTo(PriorityScores.HARDSHIP_FIRST);
        assertThat(breakdown.total())
                .isEqualTo(new PriorityScores.At(now)
                        .total(Segment.VULNERABLE, TicketType.INQUIRY, HrTopic.HARDSHIP, Priority.NORMAL, null, now));
        assertThat(PriorityScores.of(
                                Segment.GENERAL, TicketType.INQUIRY, HrTopic.LEAVE, Priority.URGENT, null, now, now)
                        .hardshipFirst())
                .isFalse();
    }
}
