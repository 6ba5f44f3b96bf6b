package dev.backstop.helpdesk.sla;

import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.tickets.Desk;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The voice service level of a desk, from the call records, against the desk's target ({@code voice_service_targets}).
 * The counting rule, in one place:
 * <ul>
 *   <li>an inbound call belongs to the hour and day (desk time zone, {@link DeskTime}) in which it <em>arrived</em>
 *   ({@code started_at}), to the desk of the hotline it called;</li>
 *   <li>a call still ringing does not count yet; an answered call is in time when it was answered at most
 *   {@code answerWithinSeconds} after it arrived; a call that ended unanswered (abandoned, missed) is not in time;</li>
 *   <li>a caller who hung up (ABANDONED) after waiting at most {@code shortAbandonSeconds} is left out of the count
 *   when the target says so, otherwise counted as not in time;</li>
 *   <li>level = in time / counted. For all desks together each call is judged by its own desk's target, and the
 *   target shown is the desks' targets weighted by their counted calls.</li>
 * </ul>
 * It reads the {@code calls} table (the call records the {@code calls} module writes) read-only, in one query per
 * period asked; nothing of the level is stored, so every node computes the same figure from the database.
 */
@Service
public class VoiceServiceLevels {

    /** One inbound call as the level sees it. */
    record Call(Desk desk, String state, Instant started, Instant answered, Instant ended) {}

    private final JdbcTemplate jdbc;
    private final DeskTime deskTime;

    VoiceServiceLevels(JdbcTemplate jdbc, DeskTime deskTime) {
        this.jdbc = jdbc;
        this.deskTime = deskTime;
    }

    /** Every desk's target (every desk has one: V16_3 seeds them, a missing row reads as the seed's 90 % in 10 s). */
    @Transactional(readOnly = true)
    public Map<Desk, VoiceTarget> targets() {
        Map<Desk, VoiceTarget> targets = new EnumMap<>(Desk.class);
        for (Desk desk : Desk.values()) {
            targets.put(desk, new VoiceTarget(desk, 10, 90, true, 5));
        }
        jdbc.query(
                "select desk, answer_within_seconds, target_percent, exclude_short_abandons, short_abandon_seconds"
                        + " from voice_service_targets",
                rs -> {
                    Desk desk = Desk.valueOf(rs.getString(1));
                    targets.put(
                            desk, new VoiceTarget(desk, rs.getInt(2), rs.getInt(3), rs.getBoolean(4), rs.getInt(5)));
                });
        return targets;
    }

    /** The level of a day, whole and per hour, for one desk or (null) all desks. */
    @Transactional(readOnly = true)
    public VoiceDay day(Desk desk, LocalDate day) {
        ZonedDateTime start = day.atStartOfDay(deskTime.zone());
        Instant from = start.toInstant();
        Instant until = day.plusDays(1).atStartOfDay(deskTime.zone()).toInstant();
        Map<Desk, VoiceTarget> targets = targets();
        List<Call> calls = calls(desk, from, until);
        List<VoiceServiceLevel> hours = new ArrayList<>();
        for (Instant hour = from; hour.isBefore(until); hour = hour.plus(Duration.ofHours(1))) {
            Instant h = hour;
            Instant end = hour.plus(Duration.ofHours(1));
            hours.add(level(
                    h,
                    end,
                    calls.stream()
                            .filter(c -> !c.started().isBefore(h) && c.started().isBefore(end))
                            .toList(),
                    targets,
                    desk));
        }
        return new VoiceDay(desk, day, level(from, until, calls, targets, desk), hours);
    }

    /** Today's level (in the desk's zone). */
    public VoiceDay today(Desk desk) {
        return day(desk, deskTime.today());
    }

    static VoiceServiceLevel level(
            Instant from, Instant until, List<Call> calls, Map<Desk, VoiceTarget> targets, Desk desk) {
        int counted = 0;
        int inTime = 0;
        int answered = 0;
        int abandoned = 0;
        int shortAbandons = 0;
        long weightedTarget = 0;
        for (Call call : calls) {
            VoiceTarget target = targets.get(call.desk());
            boolean isAnswered = call.answered() != null;
            if (!isAnswered && call.ended() == null) {
                continue; // still ringing: not decided yet
            }
            boolean isAbandoned = !isAnswered && "ABANDONED".equals(call.state());
            boolean isShort = isAbandoned
                    && Duration.between(call.started(), call.ended()).toMillis()
                            <= target.shortAbandonSeconds() * 1000L;
            if (isAnswered) {
                answered++;
            }
            if (isAbandoned) {
                abandoned++;
            }
            if (isShort) {
                shortAbandons++;
                if (target.excludeShortAbandons()) {
                    continue;
                }
            }
            counted++;
            weightedTarget += target.targetPercent();
            if (isAnswered
                    && Duration.between(call.started(), call.answered()).toMillis()
                            <= target.answerWithinSeconds() * 1000L) {
                inTime++;
            }
        }
        int targetPercent = desk != null
                ? targets.get(desk).targetPercent()
                : counted == 0
                        ? (int) Math.round(targets.values().stream()
                                .mapToInt(VoiceTarget::targetPercent)
                                .average()
                                .orElse(90))
                        : (int) Math.round((double) weightedTarget / counted);
        Double percent = counted == 0 ? null : Math.round(inTime * 1000.0 / counted) / 10.0;
        return new VoiceServiceLevel(
                from, until, counted, inTime, answered, abandoned, shortAbandons, percent, targetPercent);
    }

    private List<Call> calls(Desk desk, Instant from, Instant until) {
        String sql = "select desk, state, started_at, answered_at, ended_at from calls"
                + " where direction = 'in' and started_at >= ? and started_at < ? and desk "
                + (desk == null ? "is not null" : "= '" + desk.name() + "'");
        return jdbc.query(
                sql,
                (rs, i) -> new Call(
                        Desk.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))),
                Timestamp.from(from),
                Timestamp.from(until));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
