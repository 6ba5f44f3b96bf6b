package dev.backstop.helpdesk.calls.internal;

import java.time.Instant;
import java.util.List;

/**
 * One event from a PBX. Zammad's Generic CTI fields unchanged ({@code event}, {@code from}, {@code to},
 * {@code direction}, {@code callId}, {@code user[]}, {@code queue}, {@code cause}, {@code answeringNumber}) and our own
 * optional ones: {@code at} (when it happened, ISO-8601 with offset; default: when it arrived), {@code recording},
 * {@code ivrChoice} and {@code waitSeconds}.
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
        Integer waitSeconds) {

    /** The events we take: Zammad's three, and our own richer ones on the same call record. */
    static final List<String> KNOWN =
            List.of("newCall", "answer", "hangup", "queued", "recordingAvailable", "abandoned");

    CtiEvent {
        users = users == null
                ? List.of()
                : users.stream()
                        .filter(u -> u != null && !u.isBlank())
                        .map(String::strip)
                        .toList();
    }

    boolean inbound() {
        return !"out".equalsIgnoreCase(direction);
    }
}
