package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.imports.CsvFile;
import dev.backstop.imports.CsvRow;
import dev.backstop.imports.Field;
import dev.backstop.imports.HeaderMapping;
import dev.backstop.imports.ImportCodes;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What the pages and the API do with imports: submit a file, apply a dry run, see jobs (only of kinds the
 * caller may import; anything else is 404), preview, problems, error report, templates.
 * <p>
 * Around 400 lines on purpose: it is the module's one facade for the pages and the API, and every method applies the
 * same two rules first (only kinds the caller may import, sensitive fields masked for those who may not see them);
 * the work itself is in {@link ImportRunner}, {@link ImportJobs} and {@link ImportTargets}, the CSV reports and
 * templates in {@link ImportReports}.
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
    private final ImportProfiles profiles;

    ImportManagement(
            ImportTargets targets,
            ImportJobs jobs,
            ImportSettings settings,
            ImportWorker worker,
            ImportRunner runner,
            MessageSource messages,
            UploadedFiles files,
            ImportProfiles profiles) {
        this.files = files;
        this.profiles = profiles;
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

    public ImportJob submit(
            String kind,
            String fileName,
            long declaredSize,
            InputStream content,
            boolean dryRun,
            ImportJob.Policy policy,
            String source,
            CurrentUser user) {
        return submit(kind, fileName, declaredSize, content, new Options(dryRun, policy, source, false, null), user);
    }

    /**
     * How to run an upload. {@code emptyClears}: an empty cell clears the stored value (otherwise it keeps it, like a
     * column the file does not have); {@code encoding}: the file's charset as the uploader states it (blank: detected).
     */
    public record Options(
            boolean dryRun, ImportJob.Policy policy, String source, boolean emptyClears, String encoding) {}

    /** Queues a job for an uploaded file. */
    public ImportJob submit(
            String kind, String fileName, long declaredSize, InputStream content, Options options, CurrentUser user) {
        boolean dryRun = options.dryRun();
        ImportJob.Policy policy = options.policy();
        String source = options.source();
        String charset = charset(options.encoding());
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
        cleanName = cleanName
                .substring(cleanName.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "_")
                .strip();
        cleanName = cleanName.isEmpty()
                ? "upload.csv"
                : cleanName.length() > 200 ? cleanName.substring(cleanName.length() - 200) : cleanName;
        long id;
        try {
            id = jobs.create(new ImportJobs.NewJob(
                    target.kind(),
                    blankToNull(source),
                    dryRun ? ImportJob.Mode.DRY_RUN : ImportJob.Mode.APPLY,
                    policy,
                    cleanName,
                    copied.reference(),
                    copied.sha256(),
                    copied.size(),
                    null,
                    user.id(),
                    user.username(),
                    options.emptyClears(),
                    charset));
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
        if (!dryRun.isDryRun()
                || !(dryRun.state() == ImportJob.State.DONE || dryRun.state() == ImportJob.State.PARTIAL)) {
            throw ImportRefused.notAFinishedDryRun(dryRunId);
        }
        if (!files.exists(dryRun.storedPath())) {
            throw ImportRefused.fileRemoved(dryRunId);
        }
        long id = jobs.create(new ImportJobs.NewJob(
                dryRun.kind(),
                dryRun.source(),
                ImportJob.Mode.APPLY,
                policy,
                dryRun.fileName(),
                dryRun.storedPath(),
                dryRun.sha256(),
                dryRun.sizeBytes(),
                dryRun.id(),
                user.id(),
                user.username(),
                dryRun.emptyClears(),
                dryRun.statedCharset()));
        worker.wakeUp();
        return jobs.find(id).orElseThrow();
    }

    /** A job of a kind the user may import; 404 otherwise, whether it exists or not. */
    public ImportJob job(long id, CurrentUser user) {
        return jobs.find(id)
                .filter(job -> targets.find(job.kind())
                        .map(t -> ImportTargets.mayImport(t, user))
                        .orElse(false))
                .orElseThrow(() -> ImportRefused.jobNotFound(id));
    }

    public List<ImportJob> recent(CurrentUser user) {
        return jobs.recent(200).stream()
                .filter(job -> targets.find(job.kind())
                        .map(t -> ImportTargets.mayImport(t, user))
                        .orElse(false))
                .limit(50)
                .toList();
    }

    public ImportTarget targetOf(ImportJob job) {
        return targets.get(job.kind());
    }

    public record PreviewRow(long line, List<String> cells, boolean valid) {}

    /** {@code fields}: the field names; {@code columns}: how the admin knows them (the file's header, else the label). */
    public record Preview(List<String> fields, List<String> columns, List<PreviewRow> rows) {}

    /** The first rows of the job's file as they will be read: one cell per field, sensitive ones masked. */
    /** The first rows of the job's file as they will be read, under the file's headers (else the fields' labels). */
    public Preview preview(ImportJob job, CurrentUser user, Locale locale) {
        ImportTarget target = targets.get(job.kind());
        List<Field> fields = target.schema().fields();
        List<String> names = fields.stream().map(Field::name).toList();
        List<String> columns = new ArrayList<>(
                fields.stream().map(f -> label(target, f.name(), locale)).toList());
        if (!files.exists(job.storedPath())) {
            return new Preview(names, columns, List.of());
        }
        Path file = files.local(job.storedPath());
        boolean mask = !ImportTargets.maySeeSensitive(target, user);
        List<PreviewRow> rows = new ArrayList<>();
        HeaderMapping mapping = runner.mapping(target, job.source());
        try (CsvFile csv = CsvFile.open(file, mapping, runner.options(job))) {
            for (String header : csv.headers()) {
                mapping.fieldFor(header).ifPresent(field -> columns.set(names.indexOf(field), header));
            }
            if (csv.isReadable()) {
                csv.rows()
                        .limit(settings.previewRows())
                        .forEach(row -> rows.add(new PreviewRow(
                                row.line(),
                                names.stream()
                                        .map(name -> cell(
                                                row,
                                                name,
                                                mask && target.sensitiveFields().contains(name)))
                                        .toList(),
                                target.schema().validate(row).isValid())));
            }
        }
        return new Preview(names, columns, rows);
    }

    /** One column of the file: its header and the field it feeds ({@code null}: none, {@code -}: ignored on purpose). */
    public record MappedColumn(String header, String field) {}

    /** The file's columns beside the fields they feed under the job's source profile; empty when the file is gone. */
    public List<MappedColumn> columns(ImportJob job) {
        ImportTarget target = targets.get(job.kind());
        if (!files.exists(job.storedPath())) {
            return List.of();
        }
        Path file = files.local(job.storedPath());
        HeaderMapping mapping = runner.mapping(target, job.source());
        try (CsvFile csv = CsvFile.open(file, mapping, runner.options(job))) {
            return csv.headers().stream()
                    .map(header -> new MappedColumn(
                            header,
                            mapping.fieldFor(header)
                                    .orElse(
                                            mapping.isIgnored(header)
                                                    ? dev.backstop.imports.RecordSchema.IGNORE
                                                    : null)))
                    .toList();
        }
    }

    /**
     * Saves the admin's mapping of the job's file as the profile of {@code source} and reads the same file again as a
     * dry run under it (a new job: the one shown keeps its record).
     */
    public ImportJob remap(long jobId, String source, Map<String, String> headerToField, CurrentUser user) {
        ImportJob job = job(jobId, user);
        if (!files.exists(job.storedPath())) {
            throw ImportRefused.fileRemoved(jobId);
        }
        String cleanSource = blankToNull(source);
        profiles.save(job.kind(), cleanSource, headerToField, user.username());
        long id = jobs.create(new ImportJobs.NewJob(
                job.kind(),
                cleanSource,
                ImportJob.Mode.DRY_RUN,
                job.policy(),
                job.fileName(),
                job.storedPath(),
                job.sha256(),
                job.sizeBytes(),
                null,
                user.id(),
                user.username(),
                job.emptyClears(),
                job.statedCharset()));
        worker.wakeUp();
        return jobs.find(id).orElseThrow();
    }

    private static String cell(CsvRow row, String field, boolean masked) {
        Optional<String> value = row.get(field);
        return value.isEmpty() ? "" : masked ? MASK : value.get();
    }

    /** {@code column}: as the admin knows it (the field's label, or the header as written); {@code field}: as stored. */
    public record ProblemView(
            long line,
            String column,
            String value,
            String code,
            List<String> arguments,
            String message,
            String field) {}

    /** Problems with the column as the admin knows it: a field by its label in the page's language, else the header. */
    public List<ProblemView> problems(ImportJob job, CurrentUser user, Locale locale, int limit) {
        ImportTarget target = targets.get(job.kind());
        boolean mask = !ImportTargets.maySeeSensitive(target, user);
        return jobs.problems(job.id(), limit).stream()
                .map(p -> {
                    boolean hide = mask
                            && p.column() != null
                            && target.sensitiveFields().contains(p.column());
                    List<String> arguments =
                            hide ? p.arguments().stream().map(a -> MASK).toList() : labelled(target, p, locale);
                    return new ProblemView(
                            p.line(),
                            label(target, p.column(), locale),
                            hide && p.value() != null ? MASK : p.value(),
                            p.code(),
                            arguments,
                            message(p.code(), arguments, locale),
                            p.column());
                })
                .toList();
    }

    /** A field's label in this language (its first alias is Chinese, its second English); anything else as it is. */
    public static String label(ImportTarget target, String column, Locale locale) {
        if (column == null) {
            return null;
        }
        int alias = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? 0 : 1;
        return target.schema()
                .field(column)
                .map(f -> f.aliases().size() > alias ? f.aliases().get(alias) : f.name())
                .orElse(column);
    }

    /** Arguments that name a field (a missing or doubly fed column) name it by its label. */
    static List<String> labelled(ImportTarget target, ImportJobs.StoredProblem p, Locale locale) {
        if (ImportCodes.COLUMN_MISSING.equals(p.code()) || ImportCodes.COLUMN_DUPLICATE.equals(p.code())) {
            return p.arguments().stream().map(a -> label(target, a, locale)).toList();
        }
        return p.arguments();
    }

    public record ChangeView(long line, String field, String before, String after) {}

    /** What the job changed (a dry run: would change) in the rows it updated, field by field; sensitive values masked. */
    public List<ChangeView> changes(ImportJob job, CurrentUser user, Locale locale, int limit) {
        ImportTarget target = targets.get(job.kind());
        boolean mask = !ImportTargets.maySeeSensitive(target, user);
        return jobs.changes(job.id(), limit).stream()
                .map(c -> changeView(target, mask, c, locale))
                .toList();
    }

    public long changeCount(ImportJob job) {
        return jobs.changeCount(job.id());
    }

    static ChangeView changeView(ImportTarget target, boolean mask, ImportJobs.StoredChange c, Locale locale) {
        boolean hide = mask && target.sensitiveFields().contains(c.field());
        return new ChangeView(
                c.line(), label(target, c.field(), locale), hide ? MASK : c.before(), hide ? MASK : c.after());
    }

    /** Why a job failed, with the arguments of its file problem ("larger than 100 MB"); null when it did not. */
    public String errorMessage(ImportJob job, Locale locale) {
        if (job.errorCode() == null) {
            return null;
        }
        ImportTarget target = targets.get(job.kind());
        List<String> arguments = jobs.problems(job.id(), 100).stream()
                .filter(p -> p.code().equals(job.errorCode()))
                .findFirst()
                .map(p -> labelled(target, p, locale))
                .orElse(List.of());
        return message(job.errorCode(), arguments, locale);
    }

    public long problemCount(ImportJob job) {
        return jobs.problemCount(job.id());
    }

    /**
     * A problem's message in this language with its arguments filled. A message with placeholders is always formatted
     * (Spring leaves a pattern as it is when it gets no arguments: a literal {@code {0}}); a missing argument is shown
     * as empty, never as its placeholder.
     */
    public String message(String code, List<String> arguments, Locale locale) {
        String pattern = messages.getMessage(code, null, null, locale);
        if (pattern == null) {
            return messages.getMessage(code, arguments.toArray(), code, locale);
        }
        if (!pattern.contains("{")) {
            return pattern;
        }
        Object[] filled = java.util.Arrays.copyOf(arguments.toArray(), Math.max(arguments.size(), 10));
        for (int i = arguments.size(); i < filled.length; i++) {
            filled[i] = "";
        }
        return new java.text.MessageFormat(pattern, locale).format(filled);
    }

    /** A stated encoding's canonical name ({@code gbk} → {@code GBK}); null when blank or {@code auto}. */
    private static String charset(String encoding) {
        if (encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return java.nio.charset.Charset.forName(encoding.strip()).name();
        } catch (IllegalArgumentException unknown) {
            throw ImportRefused.unknownEncoding(
                    encoding.strip().length() > 40 ? encoding.strip().substring(0, 40) : encoding.strip());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
