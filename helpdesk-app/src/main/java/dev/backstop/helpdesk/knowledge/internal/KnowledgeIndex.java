package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.kb.KbDocument;
import dev.backstop.kb.KnowledgeBase;
import dev.backstop.kb.Synonyms;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's Lucene index in step with {@code kb_articles} (ADR 0009). Every change to an article takes the
 * next revision; this node indexes what it has not seen yet — on its own saves right after the commit, and every
 * {@code backstop.knowledge.sync-interval} for saves made on other nodes. Published articles are (re)indexed, all
 * other states removed. Revisions come from a sequence and may commit out of order, so each pass looks back
 * {@value #LOOKBACK} revisions below the watermark and re-checks those rows against the revision stored in the
 * index. Searches never wait for this: they read the last refreshed view.
 */
@Component
class KnowledgeIndex {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    static final int LOOKBACK = 100;
    private static final int BATCH = 500;

    private final KnowledgeBase kb;
    private final JdbcTemplate jdbc;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Timestamp synonymsVersion;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile boolean ready;
    private volatile String source = "";

    KnowledgeIndex(KnowledgeBase kb, JdbcTemplate jdbc) {
        this.kb = kb;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (kb.recovered()) {
            log.warn(
                    "The knowledge-base index could not be read and was started empty; rebuilding it from the database");
        }
        source = databaseSource(jdbc);
        Long newest = jdbc.queryForObject("select max(revision) from kb_articles", Long.class);
        if (!source.equals(kb.source()) || kb.indexedRevision() > (newest == null ? 0 : newest)) {
            if (kb.count() > 0) {
                log.warn("The knowledge-base index was fed from another database; rebuilding it from this one");
            }
            kb.deleteAll();
        }
        int indexed = sync(false);
        ready = true;
        log.info(
                "Knowledge base ready: {} articles indexed now, {} in the index, complete up to revision {}",
                indexed,
                kb.count(),
                kb.indexedRevision());
    }

    /** Never holds up the shared scheduler thread: a pass already running (or a rebuild) covers this one. */
    @Scheduled(
            fixedDelayString = "${backstop.knowledge.sync-interval:1s}",
            initialDelayString = "${backstop.knowledge.sync-interval:1s}")
    void poll() {
        if (ready && lock.tryLock()) {
            try {
                sync(false);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * A save on this node is searchable as soon as it has committed, without waiting for the next poll. A hint
     * ({@link AfterCommit}), not a {@code @TransactionalEventListener}: the event publication registry would mark it
     * completed in a transaction of its own while the request still holds its connection.
     */
    @EventListener
    void onChange(ArticleChanged change) {
        syncAfterCommit();
    }

    /** Brings this node's index (articles and synonyms) up to the database once the current transaction commits. */
    void syncAfterCommit() {
        AfterCommit.run(this::syncNow);
    }

    private void syncNow() {
        try {
            if (ready && lock.tryLock(500, TimeUnit.MILLISECONDS)) {
                try {
                    sync(false);
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts re-indexing every article from the database; false when a rebuild is already running. */
    boolean rebuildInBackground() {
        if (rebuilding.getAndSet(true)) {
            return false;
        }
        Thread.ofVirtual().name("kb-rebuild").start(() -> {
            try {
                int count = sync(true);
                log.info("Knowledge-base index rebuilt: {} articles", count);
            } finally {
                rebuilding.set(false);
            }
        });
        return true;
    }

    int count() {
        return kb.count();
    }

    /** Brings the index up to the database; returns how many documents were (re)indexed or removed. */
    int sync(boolean everything) {
        lock.lock(); // re-entrant: poll and onChange already hold it
        try {
            refreshSynonyms();
            long watermark = kb.indexedRevision();
            long floor = everything ? 0 : Math.max(0, watermark - LOOKBACK);
            long highest = watermark;
            int changed = 0;
            while (true) {
                List<Map<String, Object>> rows = jdbc.queryForList("""
                        select id, revision, state from kb_articles where revision > ? order by revision limit ?""", floor, BATCH);
                if (rows.isEmpty()) {
                    break;
                }
                List<Long> toIndex = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                    long id = ((Number) row.get("id")).longValue();
                    long revision = ((Number) row.get("revision")).longValue();
                    boolean published = "PUBLISHED".equals(row.get("state"));
                    OptionalLong indexed = kb.revisionOf(Long.toString(id));
                    if (published && (everything || indexed.isEmpty() || indexed.getAsLong() != revision)) {
                        toIndex.add(id);
                    } else if (!published && indexed.isPresent()) {
                        kb.delete(Long.toString(id));
                        changed++;
                    }
                    highest = Math.max(highest, revision);
                    floor = revision;
                }
                if (!toIndex.isEmpty()) {
                    kb.indexAll(documents(toIndex));
                    changed += toIndex.size();
                }
                if (rows.size() < BATCH) {
                    break;
                }
            }
            if (changed > 0 || highest != watermark || !source.equals(kb.source())) {
                kb.commit(source, highest);
            }
            return changed;
        } catch (RuntimeException ex) {
            log.error("Knowledge-base index sync failed; the next pass retries", ex);
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** This database's random id, written by the first node that starts on it. */
    static String databaseSource(JdbcTemplate jdbc) {
        List<String> stored = jdbc.queryForList("select source from kb_index_source where id = 1", String.class);
        if (!stored.isEmpty()) {
            return stored.getFirst();
        }
        try {
            jdbc.update(
                    "insert into kb_index_source (id, source) values (1, ?)",
                    java.util.UUID.randomUUID().toString());
        } catch (org.springframework.dao.DuplicateKeyException anotherNodeWasFirst) {
            // fine: read theirs
        }
        return jdbc.queryForObject("select source from kb_index_source where id = 1", String.class);
    }

    private List<KbDocument> documents(List<Long> ids) {
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        return jdbc.query(
                """
                select id, title, body, language, audience, category, desk, tags, revision from kb_articles
                 where state = 'PUBLISHED' and id in (""" + in + ")",
                (rs, n) -> new KbDocument(
                        Long.toString(rs.getLong(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        ArticleService.tags(rs.getString(8)),
                        rs.getLong(9)));
    }

    private void refreshSynonyms() {
        List<StoredSynonyms> rows = jdbc.query(
                "select body, updated_at from kb_synonyms where id = 1",
                (rs, n) -> new StoredSynonyms(rs.getString(1), rs.getTimestamp(2)));
        if (rows.isEmpty() || rows.getFirst().version().equals(synonymsVersion)) {
            return;
        }
        try {
            kb.useSynonyms(Synonyms.parse(rows.getFirst().body()));
        } catch (IllegalArgumentException ex) {
            log.warn("Stored synonyms are invalid and were not applied: {}", ex.getMessage());
        }
        synonymsVersion = rows.getFirst().version();
    }

    private record StoredSynonyms(String body, Timestamp version) {}
}
