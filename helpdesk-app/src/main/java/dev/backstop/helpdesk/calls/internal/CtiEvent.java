package dev.backstop.helpdesk.calls.internal;

import java.time.Instant;
import java.util.List;

/**
 * One event from a PBX. Zammad's Generic CTI fields unchanged ({@code event}, {@code from}, {@code to},
 * {@code direction}, {@code callId}, {@code user[]}, {@code queue}, {@code cause}, {@code answeringNumber}) and our own
 * optional ones: {@code at} (when it happened, ISO-8601 with offset; default: when it arrived), {@code recording},
 * {@code ivrChoice}, {@code waitSeconds}, {@code transferTo} (the extension, login or number a call went to) and
 * {@code eventId} (the PBX's id of this event: what makes a repeatable event count once).
 */
record CtiEvent(
        String event,
        String from,
        String to,
        String direction,
        String callId,
        List<String> users,
        String queue,
        String cause,
        String answeringNumber,
        Instant at,
        String recording,
        String ivrChoice,
        Integer waitSeconds,
        String transferTo,
        String eventId) {

    /** The events we take: Zammad's three, and our own richer ones on the same call record. */
    static final List<String> KNOWN = List.of(
            "newCall",
            "answer",
            "hangup",
            "queued",
            "recordingAvailable",
            "abandoned",
            "transferred",
            "held",
            "resumed");

    /**
     * Events that may happen several times in one call: each counts once under its {@code eventId}, or, without one,
     * under the time it happened ({@code at}); one with neither is refused, since a retry could not be told apart.
     */
    static final List<String> REPEATABLE = List.of("transferred", "held", "resumed");

    CtiEvent {
        users = users == null
                ? List.of()
                : users.stream()
                        .filter(u -> u != null && !u.isBlank())
                        .map(String::strip)
                        .toList();
    }

    CtiEvent(
            String event,
            String from,
            String to,
            String direction,
            String callId,
            List<String> users,
            String queue,
            String cause,
            String answeringNumber,
            Instant at,
            String recording,
            String ivrChoice,
            Integer waitSeconds) {
        this(
                event,
                from,
                to,
                direction,
                callId,
                users,
                queue,
                cause,
                answeringNumber,
                at,
                recording,
                ivrChoice,
                waitSeconds,
                null,
                null);
    }

    boolean repeatable() {
        return REPEATABLE.contains(event);
    }

    boolean inbound() {
        return !"out".equalsIgnoreCase(direction);
    }
}
