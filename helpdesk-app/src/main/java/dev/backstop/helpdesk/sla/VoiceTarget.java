package dev.backstop.helpdesk.sla;

import dev.backstop.helpdesk.tickets.Desk;

/**
 * A desk's voice service-level target: {@code targetPercent} % of its inbound calls answered within
 * {@code answerWithinSeconds} seconds of arriving; when {@code excludeShortAbandons} is set, a caller who hung up
 * after waiting at most {@code shortAbandonSeconds} seconds is not counted at all (they gave up before anyone could
 * answer), otherwise such a call counts as not answered in time.
 */
public record VoiceTarget(
        Desk desk, int answerWithinSeconds, int targetPercent, boolean excludeShortAbandons, int shortAbandonSeconds) {}
