package dev.backstop.helpdesk.calls.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Screen pops: every agent's workspace page holds a server-sent-events stream; when a call rings for them (their
 * extension or name in the PBX's {@code user[]}, or any agent of the hotline's desk), is answered or ends, the stream
 * gets a {@code call} event with the call id and the page fetches the pop. A call changed through this node is pushed
 * at its commit; one changed through another node is found by reading the calls changed in the last {@code lookback}
 * every {@code interval} while any stream is open here, the way the queue pages hear other nodes (ADR 0015).
 */
@Component
class ScreenPops {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    /** Writes pops outside the request's transaction (one virtual thread per pushed change; no database use). */
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("screen-pop-", 0).factory());
    /** Call id → the change time last pushed for it (pruned after twice the look-back). */
    private final Map<String, Instant> pushed = new ConcurrentHashMap<>();

    private final CallLog log;
    private final Clock clock;
    private final Duration lookback;
    private final Duration interval;
    private volatile Instant listeningSince;

    ScreenPops(
            CallLog log,
            Clock clock,
            @Value("${backstop.calls.live.lookback:10s}") Duration lookback,
            @Value("${backstop.calls.live.interval:500ms}") Duration interval) {
        this.log = log;
        this.clock = clock;
        this.lookback = lookback;
        this.interval = interval;
    }

    SseEmitter subscribe(long userId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> set = streams.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        set.add(emitter);
        Runnable remove = () -> remove(userId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(userId, emitter, "hello", "hello");
        return emitter;
    }

    /**
     * After the commit of a change made on this node. The sends go to {@link #senders}: {@code afterCommit} runs before
     * the transaction gives its connection back to the pool, and writing to every ringing agent's stream there (200
     * agents of a desk) held a pool connection per CTI request for as long as the writes took, until the pool ran dry
     * at 20 calls/s (benchmarks/telephony/RESULTS.md).
     */
    void pushed(String callId, CallLog.Row call) {
        pushed.merge(callId, call.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        senders.execute(() -> publish(call));
    }

    void publish(CallLog.Row call) {
        Set<Long> users = new LinkedHashSet<>(call.ringUsers());
        if (call.answeredBy() != null) {
            users.add(call.answeredBy());
        }
        for (Long user : users) {
            Set<SseEmitter> set = streams.get(user);
            if (set != null) {
                for (SseEmitter emitter : set) {
                    send(user, emitter, "call", call.callId());
                }
            }
        }
    }

    @Scheduled(
            initialDelayString = "${backstop.calls.live.interval:500ms}",
            fixedDelayString = "${backstop.calls.live.interval:500ms}")
    void poll() {
        if (streams.isEmpty()) {
            pushed.clear();
            listeningSince = null;
            return;
        }
        Instant now = clock.instant();
        if (listeningSince == null) {
            listeningSince = now.minus(interval);
        }
        Instant from = now.minus(lookback);
        for (CallLog.Row call : log.changedSince(from.isAfter(listeningSince) ? from : listeningSince, 1000)) {
            Instant before = pushed.get(call.callId());
            if (before == null || call.updatedAt().isAfter(before)) {
                pushed.put(call.callId(), call.updatedAt());
                publish(call);
            }
        }
        Instant forget = now.minus(lookback.multipliedBy(2));
        pushed.values().removeIf(at -> at.isBefore(forget));
    }

    int listeners() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @EventListener
    void closeAll(ContextClosedEvent closed) {
        senders.shutdownNow();
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        streams.clear();
    }

    private void remove(long userId, SseEmitter emitter) {
        streams.computeIfPresent(userId, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private void send(long userId, SseEmitter emitter, String name, String data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException gone) {
            remove(userId, emitter);
        }
    }
}
