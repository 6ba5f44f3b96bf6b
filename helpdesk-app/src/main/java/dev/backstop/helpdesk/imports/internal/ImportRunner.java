package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.imports.ImportHistory;
import dev.backstop.helpdesk.imports.ImportScope;
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
import java.util.HashSet;
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
 * problems, their changes and the advanced checkpoint together, so a killed process leaves whole batches and a rerun
 * skips exactly the committed records. Dry run: the same batches, each rolled back at once (memory and undo stay those
 * of one batch; {@link DryRunMemory} counts a record a rolled-back batch wrote as the apply would), a rerun starts from
 * the top. All-or-nothing apply: all rows in one transaction, rolled back when any row is bad.
 * <p>
 * A file that breaks off (a quote never closed) never ends DONE: PARTIAL when what was read before is applied (skip bad
 * rows), FAILED when nothing is (all or nothing); its problem names the line and how many rows were not read.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final Set<String> FATAL_FIRST = Set.of(
            ImportCodes.FILE_EMPTY,
            ImportCodes.FILE_BINARY,
            ImportCodes.FILE_ENCODING,
            ImportCodes.FILE_TOO_LARGE,
            ImportCodes.FILE_TOO_MANY_ROWS,
            ImportCodes.COLUMN_MISSING,
            ImportCodes.COLUMN_DUPLICATE,
            ImportCodes.ROW_UNCLOSED_QUOTE);

    private final ImportJobs jobs;
    private final ImportTargets targets;
    private final ImportProfiles profiles;
    private final ImportSettings settings;
    private final TransactionTemplate inOwnTransaction;
    private final DropFolders dropFolders;
    private final ImportHistory history;
    private final UploadedFiles files;

    ImportRunner(
            ImportJobs jobs,
            ImportTargets targets,
            ImportProfiles profiles,
            ImportSettings settings,
            PlatformTransactionManager transactions,
            DropFolders dropFolders,
            ImportHistory history,
            UploadedFiles files) {
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

    /** How to read a job's file: the encoding its uploader stated, else detected. */
    CsvOptions options(ImportJob job) {
        CsvOptions options = CsvOptions.detect()
                .withNullMarkers(settings.nullMarkers().toArray(String[]::new))
                .withMaxBytes(settings.maxFileSize().toBytes())
                .withMaxLines(settings.maxRows());
        return job.statedCharset() == null
                ? options
                : options.withCharset(java.nio.charset.Charset.forName(job.statedCharset()));
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
        Ended ended;
        HeaderMapping mapping = mapping(target, job.source());
        try (CsvFile csv = CsvFile.open(files.local(job.storedPath()), mapping, options(job))) {
            boolean allOrNothing = !job.isDryRun() && job.policy() == ImportJob.Policy.ALL_OR_NOTHING;
            long skip = job.isDryRun() || allOrNothing ? 0 : job.recordsDone();
            String charset = csv.charset().map(java.nio.charset.Charset::name).orElse(null);
            inOwnTransaction.executeWithoutResult(tx -> {
                if (skip == 0) {
                    jobs.restart(jobId, charset, csv.estimatedRows(), csv.problems());
                } else {
                    jobs.resume(jobId, skip, csv.problems());
                }
            });
            Batches batches = new Batches(job, target, fieldsIn(csv, mapping));
            if (!csv.isReadable()) {
                ended = new Ended(
                        ImportJob.State.FAILED,
                        csv.problems().stream()
                                .map(RowError::code)
                                .filter(FATAL_FIRST::contains)
                                .findFirst()
                                .orElse(ImportCodes.FILE_EMPTY));
            } else if (allOrNothing) {
                ended = runInOneTransaction(batches, csv);
            } else {
                ended = runInBatches(batches, csv, skip);
            }
        } catch (RuntimeException ex) {
            log.error("Import job {} ({}) failed", jobId, job.kind(), ex);
            ended = new Ended(ImportJob.State.FAILED, "imports.error.internal");
        }
        Ended end = ended;
        inOwnTransaction.executeWithoutResult(tx -> jobs.finish(jobId, end.state(), end.errorCode()));
        history.importFinished(); // committed: a snapshot's age is read again
        ImportJob finished = jobs.find(jobId).orElseThrow();
        log.info(
                "Import job {} {} {} by {}: {} ({} inserted, {} updated, {} unchanged, {} rejected, sha256 {})",
                jobId,
                finished.mode(),
                finished.kind(),
                finished.requestedName(),
                end.state(),
                finished.inserted(),
                finished.updated(),
                finished.unchanged(),
                finished.rejected(),
                finished.sha256());
        dropFolders.finished(finished);
    }

    /** How a job ended: its state and, unless DONE, the code of the problem that ended it. */
    private record Ended(ImportJob.State state, String errorCode) {}

    /** The fields the file has a column for (a column a profile or alias maps to a field). */
    private static Set<String> fieldsIn(CsvFile csv, HeaderMapping mapping) {
        Set<String> fields = new HashSet<>();
        csv.headers().forEach(header -> mapping.fieldFor(header).ifPresent(fields::add));
        return fields;
    }

    /** What every batch of one job shares: the job, its target, its scope's fields and a dry run's memory. */
    private final class Batches {

        final ImportJob job;
        final ImportTarget target;
        final Set<String> importFields;
        final Set<String> fieldsInFile;
        final DryRunMemory memory;

        Batches(ImportJob job, ImportTarget target, Set<String> fieldsInFile) {
            this.job = job;
            this.target = target;
            this.importFields = target.schema().fields().stream()
                    .map(dev.backstop.imports.Field::name)
                    .collect(java.util.stream.Collectors.toSet());
            this.fieldsInFile = fieldsInFile;
            this.memory = job.isDryRun() ? new DryRunMemory(target.schema().key()) : null;
        }

        ReadAhead read(java.util.Iterator<dev.backstop.imports.CsvRow> rows) {
            return new ReadAhead(rows, target.schema(), settings.batchSize());
        }

        Applied apply(List<ParsedRow> rows) {
            return ImportRunner.this.apply(this, rows);
        }

        void record(List<ParsedRow> rows, Applied applied) {
            jobs.addProblems(job.id(), applied.problems, applied.rawRows);
            jobs.addChanges(job.id(), applied.changes);
            jobs.advance(job.id(), rows.size(), applied.counts, settings.lease());
        }
    }

    private Ended runInBatches(Batches job, CsvFile csv, long skip) {
        TransactionTemplate rolledBack = new TransactionTemplate(inOwnTransaction.getTransactionManager());
        boolean brokeOff = false;
        try (ReadAhead batches = job.read(csv.rows().skip(skip).iterator())) {
            for (List<ParsedRow> batch = batches.next(); batch != null; batch = batches.next()) {
                List<ParsedRow> rows = batch;
                Applied applied;
                if (job.job.isDryRun()) {
                    applied = rolledBack.execute(tx -> {
                        tx.setRollbackOnly();
                        return job.apply(rows);
                    });
                    inOwnTransaction.executeWithoutResult(progress -> job.record(rows, applied));
                } else {
                    applied = inOwnTransaction.execute(tx -> {
                        Applied written = job.apply(rows);
                        job.record(rows, written);
                        return written;
                    });
                }
                brokeOff |= applied.brokeOff();
            }
        }
        if (!brokeOff) {
            return new Ended(ImportJob.State.DONE, null);
        }
        return job.job.policy() == ImportJob.Policy.ALL_OR_NOTHING
                ? new Ended(ImportJob.State.FAILED, ImportCodes.ROW_UNCLOSED_QUOTE)
                : new Ended(ImportJob.State.PARTIAL, ImportCodes.ROW_UNCLOSED_QUOTE);
    }

    private Ended runInOneTransaction(Batches job, CsvFile csv) {
        TransactionTemplate data = new TransactionTemplate(inOwnTransaction.getTransactionManager());
        return data.execute(tx -> {
            long rejected = 0;
            boolean brokeOff = false;
            try (ReadAhead batches = job.read(csv.rows().iterator())) {
                for (List<ParsedRow> batch = batches.next(); batch != null; batch = batches.next()) {
                    List<ParsedRow> rows = batch;
                    Applied applied = job.apply(rows);
                    rejected += applied.counts[3];
                    brokeOff |= applied.brokeOff();
                    inOwnTransaction.executeWithoutResult(progress -> job.record(rows, applied));
                }
            }
            if (brokeOff || rejected > 0) {
                tx.setRollbackOnly();
                ImportJob.State state = brokeOff ? ImportJob.State.FAILED : ImportJob.State.REJECTED;
                String code = brokeOff ? ImportCodes.ROW_UNCLOSED_QUOTE : null;
                inOwnTransaction.executeWithoutResult(end -> jobs.finish(job.job.id(), state, code));
                return new Ended(state, code);
            }
            jobs.finish(job.job.id(), ImportJob.State.DONE, null); // with the data, so a crash cannot rerun it
            return new Ended(ImportJob.State.DONE, null);
        });
    }

    /** counts: inserted, updated, unchanged, rejected. */
    private record Applied(
            long[] counts, List<RowError> problems, List<String> rawRows, List<ImportScope.Change> changes) {

        /** Whether the file broke off in this batch: a quote never closed, nothing after it was read. */
        boolean brokeOff() {
            return problems.stream().anyMatch(problem -> ImportCodes.ROW_UNCLOSED_QUOTE.equals(problem.code()));
        }
    }

    private Applied apply(Batches job, List<ParsedRow> batch) {
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
        ImportScope scope = new ImportScope(job.importFields, job.fieldsInFile, job.job.emptyClears());
        ImportTarget target = job.target;
        List<RowOutcome> outcomes = valid.isEmpty()
                ? List.of()
                : scope.run(() -> settings.postgresCopy()
                        ? target.upsert(valid)
                        : TableUpsert.portable(() -> target.upsert(valid)));
        for (int i = 0; i < outcomes.size(); i++) {
            RowOutcome outcome = outcomes.get(i);
            RowOutcome.Kind kind =
                    job.memory == null ? outcome.kind() : job.memory.outcome(valid.get(i), outcome.kind());
            counts[kind.ordinal()]++;
            if (outcome.problem() != null) {
                problems.add(outcome.problem());
                rawRows.add(RawRows.encode(valid.get(i).cells()));
            }
        }
        return new Applied(counts, problems, rawRows, scope.takeChanges());
    }
}
