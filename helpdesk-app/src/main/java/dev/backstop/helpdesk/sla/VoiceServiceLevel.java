package dev.backstop.helpdesk.sla;

import java.time.Instant;

/**
 * The voice service level of one period (an hour or a day in the desk's time zone) over the inbound calls that
 * arrived in it and have been answered or have ended.
 *
 * @param counted         the calls the level is taken over (answered + not answered, short abandons excluded when the
 *                        target says so)
 * @param answeredInTime  of these, answered within the target time
 * @param answered        every answered call of the period
 * @param abandoned       callers who hung up waiting (state ABANDONED), the excluded short ones included
 * @param shortAbandons   abandoned within the short-abandon time (left out of {@code counted} when excluded)
 * @param percent         {@code answeredInTime / counted} in %, null when nothing counted yet
 * @param targetPercent   the target's share (for all desks: the targets weighted by each desk's counted calls)
 */
public record VoiceServiceLevel(
        Instant from,
        Instant until,
        int counted,
        int answeredInTime,
        int answered,
        int abandoned,
        int shortAbandons,
        Double percent,
        int targetPercent) {

    /** True when the level reaches the target; a period without calls meets it. */
    public boolean met() {
        return percent == null || percent >= targetPercent;
    }
}
