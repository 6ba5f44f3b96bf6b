package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.shared.BlobStore;
import dev.backstop.helpdesk.shared.SchedulerLocks;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploaded files once every job reading them finished more than {@code backstop.imports.upload-retention}
 * ago (an apply job reads its dry run's file, so a file goes only when neither needs it). Only files under the
 * upload directory are touched. The job rows stay: they are the audit record, and {@code file_removed_at} says when
 * the file went; applying a dry run whose file is gone is refused with a message to upload it again.
 */
@Component
public class UploadRetention {

    private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);

    private final JdbcTemplate jdbc;
    private final ImportSettings settings;
    private final Clock clock;
    private final UploadedFiles files;

    UploadRetention(JdbcTemplate jdbc, ImportSettings settings, Clock clock, UploadedFiles files) {
        this.files = files;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${backstop.imports.retention-initial-delay:2m}",
            fixedDelayString = "${backstop.imports.retention-interval:1h}")
    @SchedulerLock(name = "import-upload-retention", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void scheduledPass() {
        try {
            int removed = removeExpired();
            if (removed > 0) {
                log.info("Removed {} uploaded import files older than {}", removed, settings.uploadRetention());
            }
        } catch (RuntimeException ex) {
            log.error("Upload retention pass failed; the next pass retries", ex);
        }
    }

    /** Removes the expired files; returns how many files went. */
    public int removeExpired() {
        Instant before = clock.instant().minus(settings.uploadRetention());
        // every file whose jobs have all finished before the cut-off (none queued or running, none finished later)
        List<String> stored = jdbc.queryForList("""
                select stored_path from import_jobs where file_removed_at is null
                 group by stored_path
                having min(case when state in ('DONE', 'PARTIAL', 'FAILED', 'REJECTED') and finished_at is not null then 1 else 0 end) = 1
                   and max(finished_at) < ?""", String.class, Timestamp.from(before));
        int removed = 0;
        for (String file : stored) {
            if (!BlobStore.isReference(file)
                    && !Path.of(file)
                            .toAbsolutePath()
                            .normalize()
                            .startsWith(settings.uploadDir().toAbsolutePath().normalize())) {
                continue; // a drop-folder file lives in the source's done/ or failed/ folder: not ours to remove
            }
            try {
                if (files.remove(file)) {
                    removed++;
                }
                jdbc.update(
                        "update import_jobs set file_removed_at = ? where stored_path = ? and file_removed_at is null",
                        Timestamp.from(clock.instant()),
                        file);
            } catch (IOException | RuntimeException ex) {
                log.warn("Could not remove the uploaded file {}: {}", file, ex.getMessage());
            }
        }
        return removed;
    }
}
