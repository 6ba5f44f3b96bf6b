package dev.backstop.helpdesk.imports.internal;

import java.time.Duration;
import java.time.Instant;

/** One row of {@code import_jobs}: the job, its checkpoint and its audit counts. */
public record ImportJob(
        long id,
        String kind,
        String source,
        Mode mode,
        Policy policy,
        State state,
        String fileName,
        String storedPath,
        String sha256,
        long sizeBytes,
        String charset,
        long totalRows,
        long recordsDone,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        String errorCode,
        Long dryRunOf,
        Long requestedBy,
        String requestedName,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        int attempts,
        Instant fileRemovedAt,
        boolean emptyClears,
        String statedCharset) {

    public enum Mode {
        DRY_RUN,
        APPLY
    }

    public enum Policy {
        SKIP_BAD_ROWS,
        ALL_OR_NOTHING
    }

    public enum State {
        /** PARTIAL: the file broke off (an unclosed quote); what was read before was applied, the rest was not read. */
        QUEUED,
        RUNNING,
        DONE,
        PARTIAL,
        FAILED,
        REJECTED;

        public boolean isFinal() {
            return this == DONE || this == PARTIAL || this == FAILED || this == REJECTED;
        }
    }

    public boolean isDryRun() {
        return mode == Mode.DRY_RUN;
    }

    /** Percent of the estimated rows done, 0..100: full only when the job read the whole file. */
    public int percent() {
        if (state == State.DONE || state == State.REJECTED) {
            return 100;
        }
        return totalRows == 0 ? 0 : (int) Math.min(100, recordsDone * 100 / totalRows);
    }

    /** Rows per second since the job started (0 before). */
    public long rowsPerSecond(Instant now) {
        Instant end = finishedAt != null ? finishedAt : now;
        if (startedAt == null || recordsDone == 0) {
            return 0;
        }
        long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
        return recordsDone * 1000 / millis;
    }

    /**
     * Estimated seconds left at the rate so far, rounded up; null when there is nothing honest to say: before two
     * seconds and one row, once the job ended (a failed job has no time left, it stopped), or when the estimated row
     * count is already passed (multi-line records).
     */
    public Long secondsLeft(Instant now) {
        if (state.isFinal()
                || startedAt == null
                || recordsDone == 0
                || recordsDone >= totalRows
                || Duration.between(startedAt, now).toMillis() < 2000) {
            return null;
        }
        double perSecond = recordsDone
                * 1000.0
                / Math.max(1, Duration.between(startedAt, now).toMillis());
        return (long) Math.ceil((totalRows - recordsDone) / perSecond);
    }
}
