package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.imports.CsvFile;
import dev.backstop.imports.CsvRow;
import dev.backstop.imports.Field;
import dev.backstop.imports.HeaderMapping;
import dev.backstop.imports.SafeCsvWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What the pages and the API do with imports: submit a file, apply a dry run, see jobs (only of kinds the
 * caller may import; anything else is 404), preview, problems, error report, templates.
 */
@Service
public class ImportManagement {

    static final String MASK = "***";

    private final ImportTargets targets;
    private final ImportJobs jobs;
    private final ImportSettings settings;
    private final ImportWorker worker;
    private final ImportRunner runner;
    private final MessageSource messages;
    private final UploadedFiles files;

    ImportManagement(ImportTargets targets, ImportJobs jobs, ImportSettings settings, ImportWorker worker, ImportRunner runner,
            MessageSource messages, UploadedFiles files) {
        this.files = files;
        this.targets = targets;
        this.jobs = jobs;
        this.settings = settings;
        this.worker = worker;
        this.runner = runner;
        this.messages = messages;
    }

    public List<ImportTarget> kinds(CurrentUser user) {
        return targets.allowed(user);
    }

    public ImportTarget kind(String kind, CurrentUser user) {
        return targets.forImport(kind, user);
    }

    public ImportJob submit(String kind, String fileName, long declaredSize, InputStream content, boolean dryRun,
            ImportJob.Policy policy, String source, CurrentUser user) {
        ImportTarget target = targets.forImport(kind, user);
        ImportProfiles.checkSource(source == null || source.isBlank() ? null : source.strip());
        if (content == null || fileName == null || fileName.isBlank() && declaredSize == 0) {
            throw ImportRefused.emptyUpload();
        }
        if (declaredSize > settings.maxFileSize().toBytes()) {
            throw ImportRefused.tooLarge(settings.maxFileSize().toBytes());
        }
        UploadedFiles.Stored copied = files.store(content);
        // the last segment of the client's name, without control characters (a NUL byte made Path.of throw: a 500)
        String cleanName = fileName.replace('\\', '/');
        cleanName = cleanName.substring(cleanName.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "_").strip();
        cleanName = cleanName.isEmpty() ? "upload.csv" : cleanName.length() > 200 ? cleanName.substring(cleanName.length() - 200) : cleanName;
        long id;
        try {
            id = jobs.create(new ImportJobs.NewJob(target.kind(), blankToNull(source), dryRun ? ImportJob.Mode.DRY_RUN
                    : ImportJob.Mode.APPLY, policy, cleanName, copied.reference(), copied.sha256(), copied.size(), null,
                    user.id(), user.username()));
        } catch (RuntimeException ex) {
            try {
                files.remove(copied.reference());
            } catch (java.io.IOException | RuntimeException ignored) {
                // an unreferenced file; the job was not created, which is what the caller hears about
            }
            throw ex;
        }
        worker.wakeUp();
        return jobs.find(id).orElseThrow();
    }

    /** Applies the file a finished dry run read, with the given policy. */
    public ImportJob apply(long dryRunId, ImportJob.Policy policy, CurrentUser user) {
        ImportJob dryRun = job(dryRunId, user);
        if (!dryRun.isDryRun() || dryRun.state() != ImportJob.State.DONE) {
            throw ImportRefused.notAFinishedDryRun(dryRunId);
        }
        if (!files.exists(dryRun.storedPath())) {
            throw ImportRefused.fileRemoved(dryRunId);
        }
        long id = jobs.create(new ImportJobs.NewJob(dryRun.kind(), dryRun.source(), ImportJob.Mode.APPLY, policy,
                dryRun.fileName(), dryRun.storedPath(), dryRun.sha256(), dryRun.sizeBytes(), dryRun.id(), user.id(),
                user.username()));
        worker.wakeUp();
        return jobs.find(id).orElseThrow();
    }

    /** A job of a kind the user may import; 404 otherwise, whether it exists or not. */
    public ImportJob job(long id, CurrentUser user) {
        return jobs.find(id).filter(job -> targets.find(job.kind()).map(t -> ImportTargets.mayImport(t, user)).orElse(false))
                .orElseThrow(() -> ImportRefused.jobNotFound(id));
    }

    public List<ImportJob> recent(CurrentUser user) {
        return jobs.recent(200).stream()
                .filter(job -> targets.find(job.kind()).map(t -> ImportTargets.mayImport(t, user)).orElse(false))
                .limit(50).toList();
    }

    public ImportTarget targetOf(ImportJob job) {
        return targets.get(job.kind());
    }

    public record PreviewRow(long line, List<String> cells, boolean valid) {
    }

    public record Preview(List<String> fields, List<PreviewRow> rows) {
    }

    /** The first rows of the job's file as they will be read: one cell per field, sensitive ones masked. */
    public Preview preview(ImportJob job, CurrentUser user) {
        ImportTarget target = targets.get(job.kind());
        List<Field> fields = target.schema().fields();
        List<String> names = fields.stream().map(Field::name).toList();
        if (!files.exists(job.storedPath())) {
            return new Preview(names, List.of());
        }
        Path file = files.local(job.storedPath());
        boolean mask = !ImportTargets.maySeeSensitive(target, user);
        List<PreviewRow> rows = new ArrayList<>();
        try (CsvFile csv = CsvFile.open(file, runner.mapping(target, job.source()), runner.options())) {
            if (csv.isReadable()) {
                csv.rows().limit(settings.previewRows()).forEach(row -> rows.add(new PreviewRow(row.line(),
                        names.stream().map(name -> cell(row, name, mask && target.sensitiveFields().contains(name))).toList(),
                        target.schema().validate(row).isValid())));
            }
        }
        return new Preview(names, rows);
    }

    private static String cell(CsvRow row, String field, boolean masked) {
        Optional<String> value = row.get(field);
        return value.isEmpty() ? "" : masked ? MASK : value.get();
    }

    public record ProblemView(long line, String column, String value, String code, List<String> arguments, String message) {
    }

    public List<ProblemView> problems(ImportJob job, CurrentUser user, Locale locale, int limit) {
        ImportTarget target = targets.get(job.kind());
        boolean mask = !ImportTargets.maySeeSensitive(target, user);
        return jobs.problems(job.id(), limit).stream().map(p -> {
            boolean hide = mask && p.column() != null && target.sensitiveFields().contains(p.column());
            List<String> arguments = hide ? p.arguments().stream().map(a -> MASK).toList() : p.arguments();
            return new ProblemView(p.line(), p.column(), hide && p.value() != null ? MASK : p.value(), p.code(), arguments,
                    message(p.code(), arguments, locale));
        }).toList();
    }

    /** Why a job failed, with the arguments of its file problem ("larger than 100 MB"); null when it did not. */
    public String errorMessage(ImportJob job, Locale locale) {
        if (job.errorCode() == null) {
            return null;
        }
        List<String> arguments = jobs.problems(job.id(), 20).stream().filter(p -> p.code().equals(job.errorCode()))
                .findFirst().map(ImportJobs.StoredProblem::arguments).orElse(List.of());
        return message(job.errorCode(), arguments, locale);
    }

    public long problemCount(ImportJob job) {
        return jobs.problemCount(job.id());
    }

    public String message(String code, List<String> arguments, Locale locale) {
        return messages.getMessage(code, arguments.toArray(), code, locale);
    }

    /**
     * The error report: line, problem (localized; several problems of a row joined) and the original row, under
     * the file's own headers. Written by {@link SafeCsvWriter}: opens safely in Excel and WPS.
     */
    public void writeErrorReport(ImportJob job, CurrentUser user, Locale locale, OutputStream out) {
        ImportTarget target = targets.get(job.kind());
        boolean mask = !ImportTargets.maySeeSensitive(target, user);
        List<String> headers = List.of();
        boolean[] sensitiveColumn = new boolean[0];
        if (files.exists(job.storedPath())) {
            Path file = files.local(job.storedPath());
            HeaderMapping mapping = runner.mapping(target, job.source());
            try (CsvFile csv = CsvFile.open(file, mapping, runner.options())) {
                headers = csv.headers();
                sensitiveColumn = new boolean[headers.size()];
                for (int i = 0; i < headers.size(); i++) {
                    sensitiveColumn[i] = mask && mapping.fieldFor(headers.get(i)).map(target.sensitiveFields()::contains).orElse(false);
                }
            }
        }
        boolean[] hide = sensitiveColumn;
        try (SafeCsvWriter writer = SafeCsvWriter.of(out)) {
            List<String> head = new ArrayList<>(List.of(message("imports.report.line", List.of(), locale),
                    message("imports.report.problem", List.of(), locale)));
            head.addAll(headers);
            writer.writeRow(head);
            long[] currentLine = {-1};
            List<String> pending = new ArrayList<>();
            List<String> pendingRow = new ArrayList<>();
            Runnable flush = () -> {
                if (currentLine[0] >= 0) {
                    List<String> row = new ArrayList<>(List.of(String.valueOf(currentLine[0]), String.join("; ", pending)));
                    row.addAll(pendingRow);
                    writer.writeRow(row);
                }
            };
            jobs.eachProblem(job.id(), p -> {
                if (p.line() != currentLine[0] || p.line() <= 1) {
                    flush.run();
                    currentLine[0] = p.line();
                    pending.clear();
                    pendingRow.clear();
                    List<String> cells = RawRows.decode(p.rawRow());
                    for (int i = 0; i < cells.size(); i++) {
                        pendingRow.add(i < hide.length && hide[i] ? MASK : cells.get(i));
                    }
                }
                boolean hidden = mask && p.column() != null && target.sensitiveFields().contains(p.column());
                String where = p.column() == null ? "" : "[" + p.column() + "] ";
                pending.add(where + message(p.code(), hidden ? p.arguments().stream().map(a -> MASK).toList() : p.arguments(),
                        locale));
            });
            flush.run();
        }
    }

    /** A template with the kind's headers (Chinese or English by locale) and sample rows. */
    public void writeTemplate(ImportTarget target, Locale locale, OutputStream out) {
        int alias = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? 0 : 1;
        try (SafeCsvWriter writer = SafeCsvWriter.of(out)) {
            writer.writeRow(target.schema().fields().stream()
                    .map(f -> f.aliases().size() > alias ? f.aliases().get(alias) : f.name()).toList());
            target.sampleRows().forEach(writer::writeRow);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
