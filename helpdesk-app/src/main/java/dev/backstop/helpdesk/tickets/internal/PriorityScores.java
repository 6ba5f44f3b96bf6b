package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.ScoreBreakdown;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The priority score of a waiting ticket, once in Java (for "why is this first?") and once as SQL (to rank and
 * claim in one statement). Step functions keep both portable (H2 and PostgreSQL) and easy to explain; the two
 * must agree, which {@code RoutingTests} checks.
 */
final class PriorityScores {

    private PriorityScores() {
    }

    static int segment(Segment segment) {
        return segment == null ? 0 : switch (segment) {
            case VIP -> 40;
            case KEY, VULNERABLE -> 30;
            case SPECIAL -> 15;
            case GENERAL -> 0;
        };
    }

    static int type(TicketType type) {
        return switch (type) {
            case COMPLAINT -> 25;
            case HARDSHIP -> 20;
            case FAULT_REPORT -> 10;
            default -> 0;
        };
    }

    static int priority(Priority priority) {
        return switch (priority) {
            case URGENT -> 30;
            case HIGH -> 15;
            case NORMAL -> 0;
            case LOW -> -10;
        };
    }

    /** How close the due time the ticket is measured against is: overdue 40, within 30 min 30, 2 h 20, 8 h 10. */
    static int sla(Instant due, Instant now) {
        if (due == null) {
            return 0;
        }
        return !due.isAfter(now) ? 40 : !due.isAfter(now.plus(Duration.ofMinutes(30))) ? 30
                : !due.isAfter(now.plus(Duration.ofHours(2))) ? 20 : !due.isAfter(now.plus(Duration.ofHours(8))) ? 10 : 0;
    }

    /** Waiting since creation: 4 h 20, 2 h 15, 1 h 10, 30 min 5. */
    static int waiting(Instant createdAt, Instant now) {
        return !createdAt.isAfter(now.minus(Duration.ofHours(4))) ? 20 : !createdAt.isAfter(now.minus(Duration.ofHours(2))) ? 15
                : !createdAt.isAfter(now.minus(Duration.ofHours(1))) ? 10 : !createdAt.isAfter(now.minus(Duration.ofMinutes(30))) ? 5 : 0;
    }

    /**
     * The score's total for many tickets at one moment: the step boundaries are computed once, not per ticket (the
     * routing index ranks every waiting ticket on each "next"). Agrees with {@link #of}.
     */
    static final class At {
        private final long now;
        private final long due30;
        private final long due120;
        private final long due480;
        private final long age30;
        private final long age60;
        private final long age120;
        private final long age240;

        At(Instant at) {
            now = at.toEpochMilli();
            due30 = at.plus(Duration.ofMinutes(30)).toEpochMilli();
            due120 = at.plus(Duration.ofHours(2)).toEpochMilli();
            due480 = at.plus(Duration.ofHours(8)).toEpochMilli();
            age30 = at.minus(Duration.ofMinutes(30)).toEpochMilli();
            age60 = at.minus(Duration.ofHours(1)).toEpochMilli();
            age120 = at.minus(Duration.ofHours(2)).toEpochMilli();
            age240 = at.minus(Duration.ofHours(4)).toEpochMilli();
        }

        int total(Segment segment, TicketType type, Priority priority, Instant activeDue, Instant createdAt) {
            return segment(segment) + type(type) + priority(priority)
                    + timeParts(activeDue == null ? Long.MAX_VALUE : activeDue.toEpochMilli(), createdAt.toEpochMilli());
        }

        /** The SLA and waiting parts, from epoch milliseconds ({@code Long.MAX_VALUE}: no due time). */
        int timeParts(long dueMillis, long createdMillis) {
            int sla = dueMillis == Long.MAX_VALUE ? 0 : dueMillis <= now ? 40 : dueMillis <= due30 ? 30
                    : dueMillis <= due120 ? 20 : dueMillis <= due480 ? 10 : 0;
            int waiting = createdMillis <= age240 ? 20 : createdMillis <= age120 ? 15 : createdMillis <= age60 ? 10
                    : createdMillis <= age30 ? 5 : 0;
            return sla + waiting;
        }
    }

    static ScoreBreakdown of(Segment segment, TicketType type, Priority priority, Instant activeDue, Instant createdAt,
            Instant now) {
        return new ScoreBreakdown(segment(segment), type(type), priority(priority), sla(activeDue, now), waiting(createdAt, now));
    }

    /** The same score as SQL over {@code tickets t}; bind {@link #parameters(Instant)}. */
    static final String SQL = """
            (case t.segment when 'VIP' then 40 when 'KEY' then 30 when 'VULNERABLE' then 30 when 'SPECIAL' then 15 else 0 end
             + case t.type when 'COMPLAINT' then 25 when 'HARDSHIP' then 20 when 'FAULT_REPORT' then 10 else 0 end
             + case t.priority when 'URGENT' then 30 when 'HIGH' then 15 when 'LOW' then -10 else 0 end
             + case when (case when t.first_responded_at is null then t.first_response_due else t.resolution_due end) is null then 0
                    when (case when t.first_responded_at is null then t.first_response_due else t.resolution_due end) <= :now then 40
                    when (case when t.first_responded_at is null then t.first_response_due else t.resolution_due end) <= :due30 then 30
                    when (case when t.first_responded_at is null then t.first_response_due else t.resolution_due end) <= :due120 then 20
                    when (case when t.first_responded_at is null then t.first_response_due else t.resolution_due end) <= :due480 then 10
                    else 0 end
             + case when t.created_at <= :age240 then 20 when t.created_at <= :age120 then 15 when t.created_at <= :age60 then 10
                    when t.created_at <= :age30 then 5 else 0 end)""";

    static Map<String, Object> parameters(Instant now) {
        return Map.of("now", Timestamp.from(now),
                "due30", Timestamp.from(now.plus(Duration.ofMinutes(30))),
                "due120", Timestamp.from(now.plus(Duration.ofHours(2))),
                "due480", Timestamp.from(now.plus(Duration.ofHours(8))),
                "age30", Timestamp.from(now.minus(Duration.ofMinutes(30))),
                "age60", Timestamp.from(now.minus(Duration.ofHours(1))),
                "age120", Timestamp.from(now.minus(Duration.ofHours(2))),
                "age240", Timestamp.from(now.minus(Duration.ofHours(4))));
    }
}
