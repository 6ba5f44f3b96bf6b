package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.chat.ChatMessage;
import dev.backstop.helpdesk.chat.ChatView;
import dev.backstop.helpdesk.shared.DeskTime;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The participants' live streams on this node. A change made through this node is pushed after its commit; one made
 * through another node is found by reading the messages and conversations changed in the last
 * {@code backstop.chat.lookback} every {@code backstop.chat.poll} while any stream is open here (the way the screen
 * pop and the queue pages hear other nodes, ADR 0015). A message already pushed is not pushed twice; the page also
 * ignores an id it has shown. The streams hold no database connection.
 */
@Component
class ChatStreams {

    private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** How often a node holding a requester's stream tells the database that the requester is still there. */
    static final Duration SEEN_EVERY = Duration.ofSeconds(30);

    record Subscriber(SseEmitter emitter, ChatMessage.Side side, Locale locale) {}

    private final Map<Long, Set<Subscriber>> streams = new ConcurrentHashMap<>();
    private final Map<Long, Instant> delivered = new ConcurrentHashMap<>();
    private final Map<Long, ChatStore.Conversation> known = new ConcurrentHashMap<>();
    private final ChatStore store;
    private final MessageSource messages;
    private final DeskTime deskTime;
    private final Clock clock;
    private final Duration lookback;
    private volatile Instant listeningSince;
    private volatile Instant seenAt = Instant.EPOCH;

    ChatStreams(ChatStore store, MessageSource messages, DeskTime deskTime, Clock clock, ChatSettings settings) {
        this.store = store;
        this.messages = messages;
        this.deskTime = deskTime;
        this.clock = clock;
        this.lookback = settings.lookback();
    }

    /** A stream for a party the caller has checked, starting with the chat as it is (history, state). */
    SseEmitter subscribe(ChatStore.Conversation chat, List<ChatMessage> history, ChatMessage.Side side, Locale locale) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, side, locale);
        Runnable remove = () -> remove(chat.id(), subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        known.putIfAbsent(chat.id(), chat);
        // registered first: a message committed meanwhile comes twice rather than never (the page ignores a repeat)
        streams.computeIfAbsent(chat.id(), id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        send(chat.id(), subscriber, "hello", side.name());
        send(chat.id(), subscriber, "state", state(chat, subscriber));
        for (ChatMessage message : history) {
            send(chat.id(), subscriber, "message", message(message, locale));
        }
        return emitter;
    }

    /** After the commit of a change made through this node. */
    void publish(ChatMessage message) {
        if (delivered.putIfAbsent(message.id(), message.at()) != null) {
            return;
        }
        for (Subscriber s : subscribers(message.chatId())) {
            send(message.chatId(), s, "message", message(message, s.locale()));
        }
    }

    void publishState(ChatStore.Conversation chat) {
        known.put(chat.id(), chat);
        for (Subscriber s : subscribers(chat.id())) {
            send(chat.id(), s, "state", state(chat, s));
        }
    }

    void publishTyping(long chatId, ChatMessage.Side side) {
        for (Subscriber s : subscribers(chatId)) {
            if (s.side() != side) {
                send(chatId, s, "typing", side.name());
            }
        }
    }

    @Scheduled(initialDelayString = "${backstop.chat.poll:200ms}", fixedDelayString = "${backstop.chat.poll:200ms}")
    void poll() {
        if (streams.isEmpty()) {
            delivered.clear();
            known.clear();
            listeningSince = null;
            return;
        }
        Instant now = clock.instant();
        if (listeningSince == null) {
            listeningSince = now.minus(lookback);
        }
        Instant from = now.minus(lookback);
        List<Long> ids = new ArrayList<>(streams.keySet());
        try {
            for (ChatMessage message : store.messagesSince(ids, from.isAfter(listeningSince) ? from : listeningSince)) {
                publish(message);
            }
            for (ChatStore.Conversation chat : store.changedSince(ids, from)) {
                ChatStore.Conversation before = known.put(chat.id(), chat);
                if (before == null
                        || before.state() != chat.state()
                        || !Objects.equals(before.agentId(), chat.agentId())) {
                    publishState(chat);
                }
                if (chat.agentTypingAt() != null
                        && (before == null || chat.agentTypingAt().isAfter(orEpoch(before.agentTypingAt())))) {
                    publishTyping(chat.id(), ChatMessage.Side.AGENT);
                }
                if (chat.requesterTypingAt() != null
                        && (before == null || chat.requesterTypingAt().isAfter(orEpoch(before.requesterTypingAt())))) {
                    publishTyping(chat.id(), ChatMessage.Side.REQUESTER);
                }
            }
            if (!now.isBefore(seenAt.plus(SEEN_EVERY))) {
                seenAt = now;
                store.requesterSeen(withRequester(), now);
            }
        } catch (RuntimeException e) {
            log.warn("chat streams could not read what other nodes stored: {}", e.getMessage());
        }
        delivered.values().removeIf(at -> at.isBefore(now.minus(lookback.multipliedBy(3))));
    }

    boolean anyListener(long chatId) {
        return streams.containsKey(chatId);
    }

    int listeners() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @EventListener
    void closeAll(ContextClosedEvent closed) {
        streams.values().forEach(set -> set.forEach(s -> s.emitter().complete()));
        streams.clear();
    }

    private Collection<Long> withRequester() {
        List<Long> ids = new ArrayList<>();
        streams.forEach((id, set) -> {
            if (set.stream().anyMatch(s -> s.side() == ChatMessage.Side.REQUESTER)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private Set<Subscriber> subscribers(long chatId) {
        return streams.getOrDefault(chatId, Set.of());
    }

    private Map<String, Object> message(ChatMessage m, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", m.id());
        data.put("side", m.side().name());
        data.put("author", m.side() == ChatMessage.Side.SYSTEM ? "" : m.author());
        data.put(
                "body",
                m.side() == ChatMessage.Side.SYSTEM
                        ? messages.getMessage(m.body(), new Object[] {m.author()}, m.body(), locale)
                        : m.body());
        data.put("at", deskTime.at(m.at()).toLocalTime().withNano(0).toString());
        return data;
    }

    /** The state in the reader's words: the requester is served by the agent, the agent serves the requester. */
    private Map<String, Object> state(ChatStore.Conversation chat, Subscriber reader) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", chat.state().name());
        data.put("agent", chat.agentName() == null ? "" : chat.agentName());
        boolean agent = reader.side() == ChatMessage.Side.AGENT;
        String label = chat.state() == ChatView.State.ACTIVE
                ? messages.getMessage(
                        agent ? "chat.state.serving" : "chat.state.ACTIVE",
                        new Object[] {agent ? chat.requesterName() : chat.agentName()},
                        reader.locale())
                : messages.getMessage("chat.state." + chat.state().name(), null, reader.locale());
        data.put("label", label);
        return data;
    }

    private static Instant orEpoch(Instant instant) {
        return instant == null ? Instant.EPOCH : instant;
    }

    private void remove(long chatId, Subscriber subscriber) {
        streams.computeIfPresent(chatId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    private void send(long chatId, Subscriber subscriber, String name, Object data) {
        try {
            subscriber
                    .emitter()
                    .send(SseEmitter.event()
                            .name(name)
                            .data(data, data instanceof String ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            remove(chatId, subscriber);
        }
    }
}
