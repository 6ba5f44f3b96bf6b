package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.helpdesk.shared.DatabaseProduct;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * Screen pops: every agent's workspace page holds a server-sent-events stream; when a call rings for them (their
 * extension or name in the PBX's {@code user[]}, or any agent of the hotline's desk), is answered or ends, the stream
 * gets a {@code call} event ({@code {"callId":…,"state":…,"desk":…}}) and the page fetches the pop. How a change gets
 * to the streams (ADR "screen-pop push"):
 *
 * <ul>
 *   <li><b>This node</b>: the transaction that changed the call calls {@link #changed}; right after its commit the
 *       change is pushed to this node's streams (on a virtual thread: never while the request holds its connection).
 *   <li><b>Other nodes</b> (PostgreSQL): {@link #changed} also runs {@code pg_notify} in that transaction, which
 *       PostgreSQL delivers at its commit, in commit order, to every node listening ({@link PopNotifications}); a
 *       node reads the records named in one batch of notifications with one query.
 *   <li><b>Safety net</b>: a cursor poll of (call id, change time) after the last change seen, less a short overlap for
 *       transactions that committed late or nodes' clocks; it reads full records only of calls not pushed yet. Every
 *       {@code interval} (500 ms) while no notification connection is up (H2, or PostgreSQL reconnecting), else every
 *       {@code safety-interval} (5 s).
 * </ul>
 *
 * The event is serialized once per change and the same bytes are written to every stream. Nothing here is the only
 * copy of anything: the maps are caches of what was pushed, and a node that restarts loses no call.
 */
@Component
class ScreenPops {

    static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** The notification channel of call changes (PostgreSQL LISTEN/NOTIFY). */
    static final String CHANNEL = "backstop_call_pops";

    private static final Logger logger = LoggerFactory.getLogger(ScreenPops.class);
    private static final byte[] HELLO = "event:hello\ndata:hello\n\n".getBytes(StandardCharsets.UTF_8);

    private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    /** Writes pops outside the request's transaction (one virtual thread per pushed change; no database use). */
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("screen-pop-", 0).factory());
    /** Call id → the change time last pushed for it (forgotten after {@link #remember}). */
    private final Map<String, Instant> pushed = new ConcurrentHashMap<>();
    /** This node in the notifications it sends: it skips its own (it pushed them at commit). */
    private final String node = UUID.randomUUID().toString();

    private final CallLog log;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /** PostgreSQL sends NOTIFY; the embedded H2 relies on the poll. */
    private final DatabaseProduct database;

    private final Duration overlap;
    private final Duration interval;
    private final Duration safetyInterval;
    private final Duration remember;
    private volatile Instant listeningSince;
    private volatile Instant cursor;
    private volatile Instant lastPoll = Instant.EPOCH;
    /** True while this node's notification connection listens ({@link PopNotifications}). */
    private volatile boolean notified;

    ScreenPops(
            CallLog log,
            Clock clock,
            JdbcTemplate jdbc,
            ObjectMapper json,
            DatabaseProduct database,
            @Value("${backstop.calls.live.overlap:2s}") Duration overlap,
            @Value("${backstop.calls.live.interval:500ms}") Duration interval,
            @Value("${backstop.calls.live.safety-interval:5s}") Duration safetyInterval) {
        this.log = log;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
        this.database = database;
        this.overlap = overlap;
        this.interval = interval;
        this.safetyInterval = safetyInterval;
        this.remember = Duration.ofMinutes(1).plus(overlap).plus(safetyInterval);
    }

    SseEmitter subscribe(long userId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> set = streams.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        set.add(emitter);
        Runnable remove = () -> remove(userId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(userId, emitter, HELLO);
        return emitter;
    }

    /**
     * In the transaction that changed the call, with its record as changed: tells the other nodes (a notification
     * PostgreSQL delivers at the commit, never after a rollback) and pushes to this node's streams after the commit.
     */
    void changed(CallRow call) {
        if (database.isPostgres()) {
            jdbc.query("select pg_notify(?, ?)", rs -> {}, CHANNEL, node + " " + call.callId());
        }
        AfterCommit.run(() -> pushed(call));
    }

    /** After the commit of a change made on this node. */
    void pushed(CallRow call) {
        if (newer(call)) {
            senders.execute(() -> publish(call));
        }
    }

    /** Calls another node changed (from its notifications): their records, one query, pushed where not yet. */
    void changedElsewhere(Collection<String> callIds) {
        if (streams.isEmpty() || callIds.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(callIds);
        for (int from = 0; from < ids.size(); from += 100) {
            for (CallRow call : log.byCallIds(ids.subList(from, Math.min(ids.size(), from + 100)))) {
                if (newer(call)) {
                    publish(call);
                }
            }
        }
    }

    /** The notifications' own node id, to tell its own notifications from other nodes'. */
    String node() {
        return node;
    }

    void notified(boolean listening) {
        this.notified = listening;
    }

    boolean hasListeners() {
        return !streams.isEmpty();
    }

    /** Writes one change to the streams of the users it pops for: serialized once, the same bytes to each. */
    void publish(CallRow call) {
        Set<Long> users = new LinkedHashSet<>(call.ringUsers());
        if (call.answeredBy() != null) {
            users.add(call.answeredBy());
        }
        byte[] frame = null;
        for (Long user : users) {
            Set<SseEmitter> set = streams.get(user);
            if (set != null) {
                for (SseEmitter emitter : set) {
                    if (frame == null) {
                        frame = frame(call);
                    }
                    send(user, emitter, frame);
                }
            }
        }
    }

    private byte[] frame(CallRow call) {
        Map<String, Object> pop = new LinkedHashMap<>();
        pop.put("callId", call.callId());
        pop.put("state", call.state().name());
        pop.put("desk", call.desk() == null ? null : call.desk().name());
        return ("event:call\ndata:" + json.writeValueAsString(pop) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** True (and remembered) when this change of the call is later than the last one pushed here. */
    private boolean newer(CallRow call) {
        boolean[] newer = {false};
        pushed.compute(call.callId(), (id, before) -> {
            if (before == null || call.updatedAt().isAfter(before)) {
                newer[0] = true;
                return call.updatedAt();
            }
            return before;
        });
        return newer[0];
    }

    /**
     * The safety net: calls changed after the cursor (less {@link #overlap}) that were not pushed here, read as narrow
     * (call id, change time) rows first. Runs every {@code interval} when no notification connection is up, else every
     * {@code safety-interval}.
     */
    @Scheduled(
            initialDelayString = "${backstop.calls.live.interval:500ms}",
            fixedDelayString = "${backstop.calls.live.interval:500ms}")
    void poll() {
        Instant now = clock.instant();
        if (streams.isEmpty()) {
            pushed.clear();
            listeningSince = null;
            cursor = null;
            return;
        }
        if (notified && lastPoll.plus(safetyInterval).isAfter(now)) {
            return;
        }
        lastPoll = now;
        if (listeningSince == null) {
            listeningSince = now.minus(interval);
        }
        Instant from = cursor == null ? listeningSince : cursor.minus(overlap);
        if (from.isBefore(listeningSince)) {
            from = listeningSince;
        }
        List<String> stale = new ArrayList<>();
        for (CallLog.Change change : log.changesSince(from, 1000)) {
            Instant before = pushed.get(change.callId());
            if (before == null || change.updatedAt().isAfter(before)) {
                stale.add(change.callId());
            }
            if (cursor == null || change.updatedAt().isAfter(cursor)) {
                cursor = change.updatedAt();
            }
        }
        if (!stale.isEmpty()) {
            logger.debug("screen-pop poll found {} change(s) not pushed", stale.size());
            changedElsewhere(stale);
        }
        Instant forget = now.minus(remember);
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

    private void send(long userId, SseEmitter emitter, byte[] frame) {
        try {
            emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(frame, MediaType.TEXT_PLAIN)));
        } catch (IOException | IllegalStateException gone) {
            remove(userId, emitter);
        }
    }
}
