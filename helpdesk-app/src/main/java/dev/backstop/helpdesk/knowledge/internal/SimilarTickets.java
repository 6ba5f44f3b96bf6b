package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.knowledge.KnowledgeSearch.SimilarTicket;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketFeed;
import dev.backstop.helpdesk.tickets.TicketFeed.TicketDigest;
import dev.backstop.kb.Analysis;
import dev.backstop.kb.KbDocument;
import dev.backstop.kb.KnowledgeBase;
import dev.backstop.kb.SearchResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Similar resolved tickets: a second index, beside the articles', of the resolved and closed tickets that are not
 * confidential (subject, description and the answer that settled them), derived from the tickets module's
 * {@link TicketFeed} by last change time. Each pass re-reads the changes of the last {@link #LOOKBACK} (a change that
 * committed late is still seen) and skips those already indexed at that change time; a reopened ticket leaves the
 * index. A reader finds only tickets of the desks they work ({@link #desksOf}), the same desks the ticket scope shows
 * them; confidential HR cases are never indexed.
 */
@Component
class SimilarTickets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimilarTickets.class);
    static final Duration LOOKBACK = Duration.ofSeconds(60);
    private static final int BATCH = 500;

    private final KnowledgeBase index;
    private final TicketFeed feed;
    private final JdbcTemplate jdbc;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean ready;
    private volatile String source = "";

    SimilarTickets(KnowledgeSettings settings, TicketFeed feed, JdbcTemplate jdbc) {
        this.index = KnowledgeBase.open(settings.ticketsIndexDirectory(), Analysis.chineseAndEnglish());
        this.feed = feed;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        source = KnowledgeIndex.databaseSource(jdbc);
        if (!source.equals(index.source())) {
            index.deleteAll();
        }
        int changed = sync();
        ready = true;
        log.info("Similar tickets ready: {} changed now, {} resolved tickets in the index", changed, index.count());
    }

    @Scheduled(
            fixedDelayString = "${backstop.knowledge.sync-interval:1s}",
            initialDelayString = "${backstop.knowledge.sync-interval:1s}")
    void poll() {
        if (ready && lock.tryLock()) {
            try {
                sync();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The resolved tickets most like {@code text} that this reader's desks may see, best first. */
    List<SimilarTicket> similarTo(CurrentUser reader, String text, long excludeTicketId, int limit) {
        Set<String> desks = desksOf(reader).stream().map(Desk::name).collect(Collectors.toSet());
        if (desks.isEmpty() || text == null || text.isBlank()) {
            return List.of();
        }
        String bounded = text.length() > 2000 ? text.substring(0, 2000) : text;
        List<SimilarTicket> similar = new ArrayList<>();
        for (SearchResult.Hit hit : index.similarToText(bounded, desks, limit + 1)) {
            String[] idAndKey = hit.id().split("/", 2);
            long id = Long.parseLong(idAndKey[0]);
            if (id != excludeTicketId && similar.size() < limit) {
                similar.add(new SimilarTicket(
                        id, idAndKey[1], hit.title(), Snippets.withoutMarkdown(hit.snippet()), hit.score()));
            }
        }
        return similar;
    }

    /** The desks whose resolved tickets a reader may see: those the ticket scope shows them whole. */
    static Set<Desk> desksOf(CurrentUser reader) {
        Set<Desk> desks = EnumSet.noneOf(Desk.class);
        if (reader.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            return EnumSet.allOf(Desk.class);
        }
        if (reader.has(Role.CHANNEL_AGENT)) {
            desks.add(Desk.CHANNEL);
        }
        if (reader.has(Role.EXPERT)) {
            desks.add(Desk.EXPERT);
        }
        if (reader.hasAny(Role.HR_AGENT, Role.HR_PAYROLL)) {
            desks.add(Desk.HR);
        }
        return desks;
    }

    int count() {
        return index.count();
    }

    /** Removes purged tickets (id → key) from this node's index at once. */
    void forget(java.util.Map<Long, String> keysById) {
        lock.lock();
        try {
            keysById.forEach((id, key) -> index.delete(id + "/" + key));
            index.commit();
        } catch (RuntimeException ex) {
            log.warn("Purged tickets stay in the similar-tickets index until it is rebuilt: {}", ex.toString());
        } finally {
            lock.unlock();
        }
    }

    /** Brings the index up to the tickets table; returns how many tickets were (re)indexed or removed. */
    int sync() {
        lock.lock();
        try {
            long watermark = index.indexedRevision();
            Instant after = Instant.ofEpochMilli(Math.max(0, watermark - LOOKBACK.toMillis()));
            long afterId = 0;
            long highest = watermark;
            int changed = 0;
            while (true) {
                List<TicketDigest> page = feed.changedAfter(after, afterId, BATCH);
                List<KbDocument> documents = new ArrayList<>();
                for (TicketDigest t : page) {
                    String id = t.id() + "/" + t.key();
                    long revision = t.updatedAt().toEpochMilli();
                    OptionalLong indexed = index.revisionOf(id);
                    if (t.resolved() && !t.confidential()) {
                        if (indexed.isEmpty() || indexed.getAsLong() != revision) {
                            documents.add(document(id, t, revision));
                        }
                    } else if (indexed.isPresent()) {
                        index.delete(id);
                        changed++;
                    }
                    highest = Math.max(highest, revision);
                    after = t.updatedAt();
                    afterId = t.id();
                }
                if (!documents.isEmpty()) {
                    index.indexAll(documents);
                    changed += documents.size();
                }
                if (page.size() < BATCH) {
                    break;
                }
            }
            if (changed > 0 || highest != watermark || !source.equals(index.source())) {
                index.commit(source, highest);
            }
            return changed;
        } catch (RuntimeException ex) {
            log.error("Similar-tickets index sync failed; the next pass retries", ex);
            return 0;
        } finally {
            lock.unlock();
        }
    }

    private static KbDocument document(String id, TicketDigest t, long revision) {
        String body = t.description() + (t.resolution() == null ? "" : "\n\n" + t.resolution());
        return new KbDocument(
                id,
                t.subject(),
                body,
                latin(t.subject() + body) ? "en" : "zh",
                t.desk().name(),
                t.type().name(),
                t.desk().name(),
                List.copyOf(t.tags()),
                revision);
    }

    /** Mostly Latin letters: an English ticket. */
    private static boolean latin(String text) {
        long han = text.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .count();
        long letters =
                text.codePoints().filter(c -> c < 128 && Character.isLetter(c)).count();
        return letters > han * 3;
    }

    @Override
    public void close() {
        index.close();
    }
}
