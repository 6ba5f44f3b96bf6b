package dev.backstop.helpdesk.imports.web;

import dev.backstop.helpdesk.imports.internal.ImportJob;
import dev.backstop.helpdesk.imports.internal.ImportManagement;
import java.time.Instant;
import java.util.List;

/**
 * A job as the API shows it: state, progress, audit counts, its options, when its uploaded file was removed by retention,
 * and (on request) preview, problems and the first changes of updated rows (field, from, to).
 */
record JobView(long id, String kind, String source, String mode, String policy, String state, String fileName, String sha256,
        long sizeBytes, String charset, long totalRows, long rowsDone, int percent, long rowsPerSecond, Long secondsLeft,
        long inserted, long updated, long unchanged, long rejected, String errorCode, String errorMessage, Long dryRunOf,
        String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt, Instant fileRemovedAt, Long problemCount,
        ImportManagement.Preview preview, List<ImportManagement.ProblemView> problems, boolean emptyClears, Long changeCount,
        List<ImportManagement.ChangeView> changes) {

    static JobView of(ImportJob job, Instant now, String errorMessage) {
        return new JobView(job.id(), job.kind(), job.source(), job.mode().name(), job.policy().name(), job.state().name(),
                job.fileName(), job.sha256(), job.sizeBytes(), job.charset(), job.totalRows(), job.recordsDone(), job.percent(),
                job.rowsPerSecond(now), job.secondsLeft(now), job.inserted(), job.updated(), job.unchanged(), job.rejected(),
                job.errorCode(), errorMessage, job.dryRunOf(), job.requestedName(), job.createdAt(), job.startedAt(),
                job.finishedAt(), job.fileRemovedAt(), null, null, null, job.emptyClears(), null, null);
    }

    JobView withDetails(long problemCount, ImportManagement.Preview preview, List<ImportManagement.ProblemView> problems,
            long changeCount, List<ImportManagement.ChangeView> changes) {
        return new JobView(id, kind, source, mode, policy, state, fileName, sha256, sizeBytes, charset, totalRows, rowsDone,
                percent, rowsPerSecond, secondsLeft, inserted, updated, unchanged, rejected, errorCode, errorMessage, dryRunOf,
                requestedBy, createdAt, startedAt, finishedAt, fileRemovedAt, problemCount, preview, problems, emptyClears,
                changeCount, changes);
    }
}
