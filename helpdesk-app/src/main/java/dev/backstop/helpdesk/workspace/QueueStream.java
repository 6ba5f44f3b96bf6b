package dev.backstop.helpdesk.workspace;

import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketOpened;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live queue views: every open queue page holds a server-sent-events stream per desk; when a ticket of that desk
 * is opened or changes (after the commit), each stream gets a {@code queue} event and the page reloads its table.
 * Streams are closed when the app stops, so graceful shutdown does not wait for them.
 */
@Component
class QueueStream {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<Desk, Set<SseEmitter>> streams = new EnumMap<>(Desk.class);

    QueueStream() {
        for (Desk desk : Desk.values()) {
            streams.put(desk, ConcurrentHashMap.newKeySet());
        }
    }

    /** Emitters that are sent the ticket key; the others get a nudge without it. */
    private final Set<SseEmitter> seeKeys = ConcurrentHashMap.newKeySet();

    SseEmitter subscribe(Desk desk, boolean withKeys) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        if (withKeys) {
            seeKeys.add(emitter);
        }
        Set<SseEmitter> set = streams.get(desk);
        set.add(emitter);
        emitter.onCompletion(() -> forget(set, emitter));
        emitter.onTimeout(() -> forget(set, emitter));
        emitter.onError(e -> forget(set, emitter));
        send(emitter, set, "hello");
        return emitter;
    }

    @EventListener
    void on(TicketOpened opened) {
        AfterCommit.run(() -> publish(opened.desk(), opened.key()));
    }

    @EventListener
    void on(TicketChanged changed) {
        AfterCommit.run(() -> publish(changed.desk(), changed.key()));
    }

    private void forget(Set<SseEmitter> set, SseEmitter emitter) {
        set.remove(emitter);
        seeKeys.remove(emitter);
    }

    boolean anyListener() {
        return streams.values().stream().anyMatch(set -> !set.isEmpty());
    }

    @EventListener
    void closeAll(ContextClosedEvent closed) {
        streams.values().forEach(set -> {
            set.forEach(SseEmitter::complete);
            set.clear();
            seeKeys.clear();
        });
    }

    int listeners(Desk desk) {
        return streams.get(desk).size();
    }

    void publish(Desk desk, String key) {
        Set<SseEmitter> set = streams.get(desk);
        for (SseEmitter emitter : set) {
            send(emitter, set, seeKeys.contains(emitter) ? key : "changed");
        }
    }

    private void send(SseEmitter emitter, Set<SseEmitter> set, String data) {
        try {
            emitter.send(SseEmitter.event().name("queue").data(data));
        } catch (IOException | IllegalStateException gone) {
            set.remove(emitter);
            seeKeys.remove(emitter);
        }
    }
}
