package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.sla.SlaWatch;
import dev.backstop.helpdesk.sla.SlaWatches;
import dev.backstop.helpdesk.sla.VoiceDay;
import dev.backstop.helpdesk.sla.VoiceServiceLevel;
import dev.backstop.helpdesk.sla.VoiceServiceLevels;
import dev.backstop.helpdesk.tickets.Desk;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the wallboard shows of one desk (or all), computed from the database each time (nothing kept on a node): calls
 * waiting now and the longest wait, the desk's agents by presence, answered and abandoned calls today, the voice service
 * level today against the target (from {@code sla}), tickets at risk of an SLA breach and callbacks due. One read-only
 * transaction, so one pool connection for the few queries, released before anything is sent.
 */
@Component
class Wallboard {

    /** One hour of today's level (hour in the desk's zone, e.g. 9 for 09:00-10:00). */
    record Hour(int hour, int counted, int answeredInTime, Double percent) {}

    record Board(
            String desk,
            Instant at,
            int callsWaiting,
            long longestWaitSeconds,
            Map<String, Integer> agents,
            int answeredToday,
            int abandonedToday,
            Double serviceLevel,
            int targetPercent,
            int counted,
            int answeredInTime,
            List<Hour> hours,
            int ticketsAtRisk,
            int ticketsBreached,
            int callbacksDue,
            int callbacksOverdue) {}

    /** The presence groups of the wallboard, in the order shown. */
    static final List<String> PRESENCE = List.of("available", "onCall", "afterCallWork", "busy", "away", "offline");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DeskTime deskTime;
    private final VoiceServiceLevels levels;
    private final SlaWatches watches;
    private final Duration waitingHorizon;

    Wallboard(
            JdbcTemplate jdbc,
            Clock clock,
            DeskTime deskTime,
            VoiceServiceLevels levels,
            SlaWatches watches,
            @Value("${backstop.calls.wallboard.waiting-horizon:1h}") Duration waitingHorizon) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deskTime = deskTime;
        this.levels = levels;
        this.watches = watches;
        this.waitingHorizon = waitingHorizon;
    }

    @Transactional(readOnly = true)
    Board board(Desk desk) {
        Instant now = clock.instant();
        String deskFilter = desk == null ? " and desk is not null" : " and desk = '" + desk.name() + "'";
        // a call whose hang-up never came would wait forever: only calls that arrived within the horizon are waiting
        Object[] waiting = jdbc.query(
                "select count(*), min(started_at) from calls where direction = 'in' and state = 'RINGING'"
                        + " and started_at > ?" + deskFilter,
                rs -> rs.next() ? new Object[] {rs.getInt(1), rs.getTimestamp(2)} : new Object[] {0, null},
                Timestamp.from(now.minus(waitingHorizon)));
        Timestamp oldest = (Timestamp) waiting[1];
        long longest = oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
        VoiceDay today = levels.day(desk, deskTime.today());
        VoiceServiceLevel day = today.total();
        SlaWatch watch = watches.now(desk);
        return new Board(
                desk == null ? null : desk.name(),
                now,
                (Integer) waiting[0],
                longest,
                agents(desk, now),
                day.answered(),
                day.abandoned(),
                day.percent(),
                day.targetPercent(),
                day.counted(),
                day.answeredInTime(),
                today.hours().stream()
                        .map(h ->
                                new Hour(deskTime.at(h.from()).getHour(), h.counted(), h.answeredInTime(), h.percent()))
                        .toList(),
                watch.atRisk(),
                watch.breached(),
                watch.callbacksDue(),
                watch.callbacksOverdue());
    }

    /**
     * The desk's agents (the roles that take its calls, as for the screen pop; supervisors watch and are not counted)
     * by presence as it is stored today ({@code agent_profiles}); an agent on an answered call counts as on call
     * whatever their presence says, and presences the phone may set later (ON_CALL, AFTER_CALL_WORK) are read by name.
     */
    private Map<String, Integer> agents(Desk desk, Instant now) {
        String roles = desk == null
                ? "'CHANNEL_AGENT','EXPERT','HR_AGENT','HR_PAYROLL'"
                : switch (desk) {
                    case CHANNEL -> "'CHANNEL_AGENT'";
                    case EXPERT -> "'EXPERT'";
                    case HR -> "'HR_AGENT','HR_PAYROLL'";
                };
        Set<Long> onCall = new HashSet<>(jdbc.queryForList(
                "select distinct answered_by from calls where state = 'ANSWERED' and answered_by is not null"
                        + " and answered_at > ?",
                Long.class,
                Timestamp.from(now.minus(Duration.ofHours(8)))));
        Map<String, Integer> counts = new LinkedHashMap<>();
        PRESENCE.forEach(p -> counts.put(p, 0));
        jdbc.query(
                "select u.id, p.presence from app_users u left join agent_profiles p on p.user_id = u.id"
                        + " where u.enabled = true and exists (select 1 from user_roles r where r.user_id = u.id"
                        + " and r.role in (" + roles + "))",
                rs -> {
                    String group = onCall.contains(rs.getLong(1)) ? "onCall" : group(rs.getString(2));
                    counts.merge(group, 1, Integer::sum);
                });
        return counts;
    }

    static String group(String presence) {
        if (presence == null) {
            return "offline";
        }
        return switch (presence) {
            case "AVAILABLE" -> "available";
            case "ON_CALL" -> "onCall";
            case "AFTER_CALL_WORK", "ACW", "WRAP_UP" -> "afterCallWork";
            case "BUSY" -> "busy";
            case "AWAY" -> "away";
            default -> "offline";
        };
    }
}
