package dev.backstop.helpdesk.workspace;

import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.helpdesk.tickets.TicketChanged;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live ticket pages: an open ticket page holds a server-sent-events stream for its ticket; after each commit that
 * changes the ticket (a reply, a note, a state change …) the stream gets a {@code ticket} event and the page reloads
 * its timeline. Whoever subscribes has been checked to see the ticket (the controller asks the tickets module first).
 * The portal's ticket page subscribes here too; {@code OtherNodesChanges} pushes what other nodes changed to both.
 */
@Component
public class TicketStream {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    /** A stream for one ticket; the caller must have checked that the reader may see it. */
    public SseEmitter subscribe(long ticketId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> set = streams.computeIfAbsent(ticketId, id -> ConcurrentHashMap.newKeySet());
        set.add(emitter);
        Runnable remove = () -> remove(ticketId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // a first event of its own name: the stream is open, and the page has nothing to reload yet
        send(ticketId, emitter, "hello", "hello");
        return emitter;
    }

    @EventListener
    void on(TicketChanged changed) {
        AfterCommit.run(() -> publish(changed.id(), changed.key()));
    }

    void publish(long ticketId, String key) {
        Set<SseEmitter> set = streams.get(ticketId);
        if (set != null) {
            for (SseEmitter emitter : set) {
                send(ticketId, emitter, "ticket", key);
            }
        }
    }

    boolean anyListener() {
        return !streams.isEmpty();
    }

    @EventListener
    void closeAll(ContextClosedEvent closed) {
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        streams.clear();
    }

    int listeners(long ticketId) {
        Set<SseEmitter> set = streams.get(ticketId);
        return set == null ? 0 : set.size();
    }

    private void remove(long ticketId, SseEmitter emitter) {
        streams.computeIfPresent(ticketId, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private void send(long ticketId, SseEmitter emitter, String name, String data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException gone) {
            remove(ticketId, emitter);
        }
    }
}
