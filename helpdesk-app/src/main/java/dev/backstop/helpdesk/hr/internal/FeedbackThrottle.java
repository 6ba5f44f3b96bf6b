package dev.backstop.helpdesk.hr.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code backstop.hr.feedback.per-day} pieces of feedback per sender and day, without storing who sent them
 * (ADR "anonymous feedback"). The sender (the request's address, or a signed-in user's id) is hashed with a random salt
 * that lives only in this node's memory and is replaced at midnight UTC, when the counts are dropped with it: no
 * database row, no log line, and after the day nothing that could be hashed again to test a guess. Per node: on several
 * nodes a sender gets the allowance once per node, which is good enough against a flood and costs no shared state.
 */
@Component
class FeedbackThrottle {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final int perDay;
    private LocalDate day;
    private byte[] salt;
    private final Map<String, Integer> counts = new HashMap<>();

    FeedbackThrottle(Clock clock, @Value("${backstop.hr.feedback.per-day:10}") int perDay) {
        this.clock = clock;
        this.perDay = perDay;
    }

    int perDay() {
        return perDay;
    }

    /** Counts one submission of the sender; false when the sender is over the day's allowance. */
    synchronized boolean allow(String sender) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!today.equals(day)) {
            day = today;
            salt = new byte[32];
            RANDOM.nextBytes(salt);
            counts.clear();
        }
        byte[] text = sender.getBytes(StandardCharsets.UTF_8);
        byte[] keyed = Arrays.copyOf(salt, salt.length + text.length);
        System.arraycopy(text, 0, keyed, salt.length, text.length);
        byte[] digest = FeedbackTokens.sha256(keyed);
        return counts.merge(HexFormat.of().formatHex(digest), 1, Integer::sum) <= perDay;
    }
}
