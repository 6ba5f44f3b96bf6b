package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.tickets.Desk;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The wallboards' live streams on this node. Every {@code backstop.calls.wallboard.interval} (2 s) each board that has
 * a screen open here is computed once from the database and sent to its screens as a {@code board} event. Nothing that
 * matters is kept on the node: a screen served by another node gets the same figures from the same database, a calls'
 * change made through any node shows within one interval, and no stream holds a database connection between sends.
 */
@Component
class WallboardStreams {

    static final Duration TIMEOUT = Duration.ofHours(12);
    private static final String ALL = "ALL";
    private static final Logger log = LoggerFactory.getLogger(WallboardStreams.class);

    private final Map<String, Set<SseEmitter>> screens = new ConcurrentHashMap<>();
    private final Wallboard wallboard;

    WallboardStreams(Wallboard wallboard) {
        this.wallboard = wallboard;
    }

    SseEmitter subscribe(Desk desk) {
        String scope = desk == null ? ALL : desk.name();
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        screens.computeIfAbsent(scope, s -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> remove(scope, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(scope, emitter, SseEmitter.event().name("hello").data("hello"));
        return emitter;
    }

    @Scheduled(
            initialDelayString = "${backstop.calls.wallboard.interval:2s}",
            fixedDelayString = "${backstop.calls.wallboard.interval:2s}")
    void refresh() {
        for (Map.Entry<String, Set<SseEmitter>> entry : screens.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Wallboard.Board board;
            try {
                board = wallboard.board(ALL.equals(entry.getKey()) ? null : Desk.valueOf(entry.getKey()));
            } catch (RuntimeException e) {
                log.warn("Wallboard {} not computed this time: {}", entry.getKey(), e.toString());
                continue;
            }
            for (SseEmitter emitter : entry.getValue()) {
                send(entry.getKey(), emitter, SseEmitter.event().name("board").data(board, MediaType.APPLICATION_JSON));
            }
        }
    }

    int screens() {
        return screens.values().stream().mapToInt(Set::size).sum();
    }

    @EventListener
    void closeAll(ContextClosedEvent closed) {
        screens.values().forEach(set -> set.forEach(SseEmitter::complete));
        screens.clear();
    }

    private void remove(String scope, SseEmitter emitter) {
        screens.computeIfPresent(scope, (s, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private void send(String scope, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            remove(scope, emitter);
        }
    }
}
