package dev.backstop.helpdesk.imports;

import dev.backstop.helpdesk.imports.internal.ImportSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * When data last arrived through an import: the age a snapshot shows ("as of 10:32"). Asked on every ERP / WMS lookup,
 * so an answer is kept for {@link ImportSettings#snapshotAgeCache()} (a few seconds); an import finishing on this node
 * clears it at once ({@link #importFinished()}).
 */
@Service
public class ImportHistory {

    private final JdbcTemplate jdbc;
    private final long keepNanos;
    private final Map<List<String>, Kept> kept = new ConcurrentHashMap<>();
    /** Bumped when an import finishes: an answer read before is not served after, even if it is stored late. */
    private final AtomicLong generation = new AtomicLong();

    ImportHistory(JdbcTemplate jdbc, ImportSettings settings) {
        this.jdbc = jdbc;
        this.keepNanos = settings.snapshotAgeCache() == null
                ? 0
                : settings.snapshotAgeCache().toNanos();
    }

    private record Kept(Instant lastApplied, long readAt, long generation) {}

    /** When the last applied (not dry-run) import of any of these kinds finished with rows done; null when never. */
    public Instant lastApplied(Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return null;
        }
        List<String> key = List.copyOf(kinds);
        long now = System.nanoTime();
        long current = generation.get();
        Kept found = kept.get(key);
        if (found != null && found.generation() == current && now - found.readAt() < keepNanos) {
            return found.lastApplied();
        }
        Instant last = read(key);
        if (keepNanos > 0) {
            kept.put(key, new Kept(last, now, current));
        }
        return last;
    }

    /** An import job finished (whatever its outcome): the next {@link #lastApplied} reads the table again. */
    public void importFinished() {
        generation.incrementAndGet();
    }

    private Instant read(List<String> kinds) {
        String marks = String.join(", ", Collections.nCopies(kinds.size(), "?"));
        Timestamp last = jdbc.queryForObject(
                "select max(finished_at) from import_jobs where mode = 'APPLY'"
                        + " and state in ('DONE', 'PARTIAL') and kind in (" + marks + ")",
                Timestamp.class,
                kinds.toArray());
        return last == null ? null : last.toInstant();
    }
}
