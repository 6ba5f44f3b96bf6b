package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.CalendarRefused;
import dev.backstop.helpdesk.sla.VoiceServiceLevels;
import dev.backstop.helpdesk.sla.VoiceTarget;
import dev.backstop.helpdesk.tickets.Desk;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins set a desk's voice service-level target. Unlike a ticket policy there is nothing running to keep: the level is
 * computed from the call records whenever it is shown, so a new target applies at once, to today's calls too.
 */
@Service
class VoiceTargetAdmin {

    /** What an admin may change; a null field keeps its value. */
    record VoiceTargetChange(
            Integer answerWithinSeconds,
            Integer targetPercent,
            Boolean excludeShortAbandons,
            Integer shortAbandonSeconds) {}

    private final JdbcTemplate jdbc;
    private final VoiceServiceLevels levels;

    VoiceTargetAdmin(JdbcTemplate jdbc, VoiceServiceLevels levels) {
        this.jdbc = jdbc;
        this.levels = levels;
    }

    @Transactional
    VoiceTarget change(String deskName, VoiceTargetChange change) {
        Desk desk = Arrays.stream(Desk.values())
                .filter(d -> d.name().equalsIgnoreCase(String.valueOf(deskName).strip()))
                .findFirst()
                .orElseThrow(() -> new CalendarRefused(404, "sla.voice.error.desk", String.valueOf(deskName)));
        VoiceTarget current = levels.targets().get(desk);
        int within = pick(change.answerWithinSeconds(), current.answerWithinSeconds());
        int percent = pick(change.targetPercent(), current.targetPercent());
        boolean exclude =
                change.excludeShortAbandons() == null ? current.excludeShortAbandons() : change.excludeShortAbandons();
        int shortSeconds = pick(change.shortAbandonSeconds(), current.shortAbandonSeconds());
        if (within < 1 || within > 3600) {
            throw new CalendarRefused(400, "sla.voice.error.within", String.valueOf(within), 3600);
        }
        if (percent < 1 || percent > 100) {
            throw new CalendarRefused(400, "sla.voice.error.percent", String.valueOf(percent));
        }
        if (shortSeconds < 0 || shortSeconds > 60) {
            throw new CalendarRefused(400, "sla.voice.error.shortAbandon", String.valueOf(shortSeconds), 60);
        }
        if (jdbc.update("""
                        update voice_service_targets set answer_within_seconds = ?, target_percent = ?,
                               exclude_short_abandons = ?, short_abandon_seconds = ? where desk = ?""", within, percent, exclude, shortSeconds, desk.name()) == 0) {
            jdbc.update("""
                    insert into voice_service_targets (desk, answer_within_seconds, target_percent,
                                                       exclude_short_abandons, short_abandon_seconds)
                    values (?, ?, ?, ?, ?)""", desk.name(), within, percent, exclude, shortSeconds);
        }
        return levels.targets().get(desk);
    }

    private static int pick(Integer given, int current) {
        return given == null ? current : given;
    }
}
