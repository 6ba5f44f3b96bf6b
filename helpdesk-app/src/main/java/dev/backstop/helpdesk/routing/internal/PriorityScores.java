package dev.backstop.helpdesk.routing.internal;

import dev.backstop.helpdesk.routing.ScoreBreakdown;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The priority score of a waiting ticket: the one place its weights are written. Used three ways — in Java for "why
 * is this first?" ({@link #of}), in Java for many tickets at one moment (the routing index, {@link At}), and as SQL
 * for the supervisor's queue view ({@link #SQL}, generated from the same weights and steps). Step functions keep it
 * portable (H2 and PostgreSQL) and easy to explain; {@code PriorityScoresTests} checks {@link At} against {@link #of}
 * at every step boundary, {@code RoutingTests} the SQL against both.
 */
final class PriorityScores {

    /** Due within (or overdue: {@code Duration.ZERO}) → points; the first step that holds counts. */
    private static final Duration[] SLA_WITHIN = {
        Duration.ZERO, Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(8)
    };

    private static final int[] SLA_POINTS = {40, 30, 20, 10};

    /** Waiting at least → points; the first step that holds counts. */
    private static final Duration[] WAITING_AT_LEAST = {
        Duration.ofHours(4), Duration.ofHours(2), Duration.ofHours(1), Duration.ofMinutes(30)
    };

    private static final int[] WAITING_POINTS = {20, 15, 10, 5};

    private PriorityScores() {}

    static int segment(Segment segment) {
        return segment == null
                ? 0
                : switch (segment) {
                    case VIP -> 40;
                    case KEY, VULNERABLE -> 30;
                    case SPECIAL -> 15;
                    case GENERAL -> 0;
                };
    }

    /** Complaints weigh most, then hardship, then fault reports. */
    static int type(TicketType type) {
        return switch (type) {
            case COMPLAINT -> 25;
            case HARDSHIP -> 20;
            case FAULT_REPORT -> 10;
            default -> 0;
        };
    }

    /**
     * A hardship request (its type or its HR topic) is answered first: these points are more than every other part
     * together can reach (segment 40 + type 25 + priority 30 + SLA 40 + waiting 20, and a low priority's -10), so no
     * other ticket ever ranks above one. {@code PriorityScoresTests} checks that bound.
     */
    static final int HARDSHIP_FIRST = 200;

    static int hardship(TicketType type, HrTopic topic) {
        return type == TicketType.HARDSHIP || topic == HrTopic.HARDSHIP ? HARDSHIP_FIRST : 0;
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
        for (int i = 0; i < SLA_WITHIN.length; i++) {
            if (!due.isAfter(now.plus(SLA_WITHIN[i]))) {
                return SLA_POINTS[i];
            }
        }
        return 0;
    }

    /** Waiting since creation: 4 h 20, 2 h 15, 1 h 10, 30 min 5. */
    static int waiting(Instant createdAt, Instant now) {
        for (int i = 0; i < WAITING_AT_LEAST.length; i++) {
            if (!createdAt.isAfter(now.minus(WAITING_AT_LEAST[i]))) {
                return WAITING_POINTS[i];
            }
        }
        return 0;
    }

    /**
     * The score's total for many tickets at one moment: the step boundaries are computed once, not per ticket (the
     * routing index ranks every waiting ticket on each "next"). Agrees with {@link #of}.
     */
    static final class At {
        private final long due0;
        private final long due1;
        private final long due2;
        private final long due3;
        private final long age0;
        private final long age1;
        private final long age2;
        private final long age3;

        At(Instant at) {
            due0 = at.plus(SLA_WITHIN[0]).toEpochMilli();
            due1 = at.plus(SLA_WITHIN[1]).toEpochMilli();
            due2 = at.plus(SLA_WITHIN[2]).toEpochMilli();
            due3 = at.plus(SLA_WITHIN[3]).toEpochMilli();
            age0 = at.minus(WAITING_AT_LEAST[0]).toEpochMilli();
            age1 = at.minus(WAITING_AT_LEAST[1]).toEpochMilli();
            age2 = at.minus(WAITING_AT_LEAST[2]).toEpochMilli();
            age3 = at.minus(WAITING_AT_LEAST[3]).toEpochMilli();
        }

        int total(Segment segment, TicketType type, Priority priority, Instant activeDue, Instant createdAt) {
            return total(segment, type, null, priority, activeDue, createdAt);
        }

        int total(
                Segment segment,
                TicketType type,
                HrTopic topic,
                Priority priority,
                Instant activeDue,
                Instant createdAt) {
            return segment(segment)
                    + type(type)
                    + hardship(type, topic)
                    + priority(priority)
                    + timeParts(
                            activeDue == null ? Long.MAX_VALUE : activeDue.toEpochMilli(), createdAt.toEpochMilli());
        }

        /** The SLA and waiting parts, from epoch milliseconds ({@code Long.MAX_VALUE}: no due time). Unrolled: the hot path. */
        int timeParts(long dueMillis, long createdMillis) {
            int sla = dueMillis == Long.MAX_VALUE
                    ? 0
                    : dueMillis <= due0
                            ? SLA_POINTS[0]
                            : dueMillis <= due1
                                    ? SLA_POINTS[1]
                                    : dueMillis <= due2 ? SLA_POINTS[2] : dueMillis <= due3 ? SLA_POINTS[3] : 0;
            int waiting = createdMillis <= age0
                    ? WAITING_POINTS[0]
                    : createdMillis <= age1
                            ? WAITING_POINTS[1]
                            : createdMillis <= age2 ? WAITING_POINTS[2] : createdMillis <= age3 ? WAITING_POINTS[3] : 0;
            return sla + waiting;
        }
    }

    static ScoreBreakdown of(
            Segment segment, TicketType type, Priority priority, Instant activeDue, Instant createdAt, Instant now) {
        return of(segment, type, null, priority, activeDue, createdAt, now);
    }

    static ScoreBreakdown of(
            Segment segment,
            TicketType type,
            HrTopic topic,
            Priority priority,
            Instant activeDue,
            Instant createdAt,
            Instant now) {
        return new ScoreBreakdown(
                segment(segment),
                type(type),
                priority(priority),
                sla(activeDue, now),
                waiting(createdAt, now),
                hardship(type, topic));
    }

    private static final String ACTIVE_DUE =
            "(case when t.first_responded_at is null then t.first_response_due else t.resolution_due end)";

    /** The same score as SQL over {@code tickets t}, generated from the weights above; bind {@link #parameters(Instant)}. */
    static final String SQL = "(" + cases("t.segment", Segment.values(), PriorityScores::segment)
            + " + " + cases("t.type", TicketType.values(), PriorityScores::type)
            + " + " + cases("t.priority", Priority.values(), PriorityScores::priority)
            + " + case when t.type = '" + TicketType.HARDSHIP.name() + "' or t.hr_topic = '" + HrTopic.HARDSHIP.name()
            + "' then " + HARDSHIP_FIRST + " else 0 end"
            + " + case when " + ACTIVE_DUE + " is null then 0 "
            + IntStream.range(0, SLA_POINTS.length)
                    .mapToObj(i -> "when " + ACTIVE_DUE + " <= :due" + i + " then " + SLA_POINTS[i])
                    .collect(Collectors.joining(" "))
            + " else 0 end + case "
            + IntStream.range(0, WAITING_POINTS.length)
                    .mapToObj(i -> "when t.created_at <= :age" + i + " then " + WAITING_POINTS[i])
                    .collect(Collectors.joining(" "))
            + " else 0 end)";

    private static <E extends Enum<E>> String cases(
            String column, E[] values, java.util.function.ToIntFunction<E> points) {
        return "case " + column + " "
                + Arrays.stream(values)
                        .filter(v -> points.applyAsInt(v) != 0)
                        .map(v -> "when '" + v.name() + "' then " + points.applyAsInt(v))
                        .collect(Collectors.joining(" "))
                + " else 0 end";
    }

    static Map<String, Object> parameters(Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < SLA_WITHIN.length; i++) {
            parameters.put("due" + i, Timestamp.from(now.plus(SLA_WITHIN[i])));
        }
        for (int i = 0; i < WAITING_AT_LEAST.length; i++) {
            parameters.put("age" + i, Timestamp.from(now.minus(WAITING_AT_LEAST[i])));
        }
        return parameters;
    }
}
