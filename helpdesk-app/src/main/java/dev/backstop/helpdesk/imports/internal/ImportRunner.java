package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.imports.ImportHistory;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.imports.CsvFile;
import dev.backstop.imports.CsvOptions;
import dev.backstop.imports.HeaderMapping;
import dev.backstop.imports.ImportCodes;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RowError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed job to its end. Skip-bad-rows apply: one transaction per batch that writes the rows, their
 * problems and the advanced checkpoint together, so a killed process leaves whole batches and a rerun skips
 * exactly the committed records. Dry run and all-or-nothing: all rows in one transaction (rolled back for a dry
 * run, or when any row is bad), progress and problems committed beside it; a rerun starts from the top.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final Set<String> FATAL_FIRST = Set.of(ImportCodes.FILE_EMPTY, ImportCodes.FILE_BINARY,
            ImportCodes.FILE_ENCODING, ImportCodes.FILE_TOO_LARGE, ImportCodes.FILE_TOO_MANY_ROWS,
            ImportCodes.COLUMN_MISSING, ImportCodes.COLUMN_DUPLICATE, ImportCodes.ROW_UNCLOSED_QUOTE);

    private final ImportJobs jobs;
    private final ImportTargets targets;
    private final ImportProfiles profiles;
    private final ImportSettings settings;
    private final TransactionTemplate inOwnTransaction;
    private final DropFolders dropFolders;
    private final ImportHistory history;
    private final UploadedFiles files;

    ImportRunner(ImportJobs jobs, ImportTargets targets, ImportProfiles profiles, ImportSettings settings,
            PlatformTransactionManager transactions, DropFolders dropFolders, ImportHistory history, UploadedFiles files) {
        this.files = files;
        this.jobs = jobs;
        this.targets = targets;
        this.profiles = profiles;
        this.settings = settings;
        this.inOwnTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dropFolders = dropFolders;
        this.history = history;
    }

    CsvOptions options() {
        return CsvOptions.detect().withNullMarkers(settings.nullMarkers().toArray(String[]::new))
                .withMaxBytes(settings.maxFileSize().toBytes()).withMaxLines(settings.maxRows());
    }

    HeaderMapping mapping(ImportTarget target, String source) {
        try {
            return target.schema().mapping(profiles.of(target.kind(), source));
        } catch (IllegalArgumentException unknownField) {
            return target.schema().mapping();
        }
    }

    void run(long jobId) {
        ImportJob job = jobs.find(jobId).orElseThrow();
        ImportTarget target = targets.get(job.kind());
        ImportJob.State end;
        String errorCode = null;
        try (CsvFile csv = CsvFile.open(files.local(job.storedPath()), mapping(target, job.source()), options())) {
            boolean single = job.isDryRun() || job.policy() == ImportJob.Policy.ALL_OR_NOTHING;
            long skip = single ? 0 : job.recordsDone();
            String charset = csv.charset().map(java.nio.charset.Charset::name).orElse(null);
            inOwnTransaction.executeWithoutResult(tx -> {
                if (skip == 0) {
                    jobs.restart(jobId, charset, csv.estimatedRows(), csv.problems());
                } else {
                    jobs.resume(jobId, skip, csv.problems());
                }
            });
            if (!csv.isReadable()) {
                end = ImportJob.State.FAILED;
                errorCode = csv.problems().stream().map(RowError::code).filter(FATAL_FIRST::contains).findFirst()
                        .orElse(ImportCodes.FILE_EMPTY);
            } else if (single) {
                end = runInOneTransaction(job, target, csv);
            } else {
                runInBatches(job, target, csv, skip);
                end = ImportJob.State.DONE;
            }
        } catch (RuntimeException ex) {
            log.error("Import job {} ({}) failed", jobId, job.kind(), ex);
            end = ImportJob.State.FAILED;
            errorCode = "imports.error.internal";
        }
        ImportJob.State state = end;
        String code = errorCode;
        inOwnTransaction.executeWithoutResult(tx -> jobs.finish(jobId, state, code));
        history.importFinished();   // committed: a snapshot's age is read again
        ImportJob finished = jobs.find(jobId).orElseThrow();
        log.info("Import job {} {} {} by {}: {} ({} inserted, {} updated, {} unchanged, {} rejected, sha256 {})", jobId,
                finished.mode(), finished.kind(), finished.requestedName(), state, finished.inserted(), finished.updated(),
                finished.unchanged(), finished.rejected(), finished.sha256());
        dropFolders.finished(finished);
    }

    private void runInBatches(ImportJob job, ImportTarget target, CsvFile csv, long skip) {
        try (ReadAhead batches = new ReadAhead(csv.rows().skip(skip).iterator(), target.schema(), settings.batchSize())) {
            for (List<ParsedRow> batch = batches.next(); batch != null; batch = batches.next()) {
                List<ParsedRow> rows = batch;
                inOwnTransaction.executeWithoutResult(tx -> {
                    Applied applied = apply(target, rows);
                    jobs.addProblems(job.id(), applied.problems, applied.rawRows);
                    jobs.advance(job.id(), rows.size(), applied.counts, settings.lease());
                });
            }
        }
    }

    private ImportJob.State runInOneTransaction(ImportJob job, ImportTarget target, CsvFile csv) {
        TransactionTemplate data = new TransactionTemplate(inOwnTransaction.getTransactionManager());
        return data.execute(tx -> {
            long rejected = 0;
            try (ReadAhead batches = new ReadAhead(csv.rows().iterator(), target.schema(), settings.batchSize())) {
                for (List<ParsedRow> batch = batches.next(); batch != null; batch = batches.next()) {
                    List<ParsedRow> rows = batch;
                    Applied applied = apply(target, rows);
                    rejected += applied.counts[3];
                    inOwnTransaction.executeWithoutResult(progress -> {
                        jobs.addProblems(job.id(), applied.problems, applied.rawRows);
                        jobs.advance(job.id(), rows.size(), applied.counts, settings.lease());
                    });
                }
            }
            if (job.isDryRun() || rejected > 0) {
                tx.setRollbackOnly();
            } else {
                jobs.finish(job.id(), ImportJob.State.DONE, null);   // with the data, so a crash cannot rerun it
            }
            return !job.isDryRun() && rejected > 0 ? ImportJob.State.REJECTED : ImportJob.State.DONE;
        });
    }

    /** counts: inserted, updated, unchanged, rejected. */
    private record Applied(long[] counts, List<RowError> problems, List<String> rawRows) {
    }

    private Applied apply(ImportTarget target, List<ParsedRow> batch) {
        long[] counts = new long[4];
        List<RowError> problems = new ArrayList<>();
        List<String> rawRows = new ArrayList<>();
        List<ParsedRow> valid = new ArrayList<>(batch.size());
        for (ParsedRow row : batch) {
            if (row.isValid()) {
                valid.add(row);
            } else {
                counts[3]++;
                for (RowError problem : row.errors()) {
                    problems.add(problem);
                    rawRows.add(RawRows.encode(row.cells()));
                }
            }
        }
        List<RowOutcome> outcomes = valid.isEmpty() ? List.of()
                : settings.postgresCopy() ? target.upsert(valid) : TableUpsert.portable(() -> target.upsert(valid));
        for (int i = 0; i < outcomes.size(); i++) {
            RowOutcome outcome = outcomes.get(i);
            counts[outcome.kind().ordinal()]++;
            if (outcome.problem() != null) {
                problems.add(outcome.problem());
                rawRows.add(RawRows.encode(valid.get(i).cells()));
            }
        }
        return new Applied(counts, problems, rawRows);
    }
}
