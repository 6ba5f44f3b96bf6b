package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.imports.CsvFile;
import dev.backstop.imports.HeaderMapping;
import dev.backstop.imports.SafeCsvWriter;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The CSV files an admin downloads from an import: every change of a job, the error report with the original rows,
 * and a template of a kind. Same rules as {@link ImportManagement}: sensitive values masked for those who may not see
 * them, fields by their label in the reader's language, written by {@link SafeCsvWriter} (safe in Excel and WPS).
 */
@Service
public class ImportReports {

    private final ImportManagement imports;
    private final ImportTargets targets;
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final UploadedFiles files;

    ImportReports(
            ImportManagement imports,
            ImportTargets targets,
            ImportJobs jobs,
            ImportRunner runner,
            UploadedFiles files) {
        this.imports = imports;
        this.targets = targets;
        this.jobs = jobs;
        this.runner = runner;
        this.files = files;
    }

    /** Every change of the job as CSV: line, field, from, to (for a dry run: what the apply would change). */
    public void writeChangeReport(ImportJob job, CurrentUser user, Locale locale, OutputStream out) {
        ImportTarget target = targets.get(job.kind());
        boolean mask = !ImportTargets.maySeeSensitive(target, user);
        try (SafeCsvWriter writer = SafeCsvWriter.of(out)) {
            writer.writeRow(List.of(
                    imports.message("imports.report.line", List.of(), locale),
                    imports.message("imports.col.field", List.of(), locale),
                    imports.message("imports.col.before", List.of(), locale),
                    imports.message("imports.col.after", List.of(), locale)));
            jobs.eachChange(job.id(), c -> {
                ImportManagement.ChangeView view = ImportManagement.changeView(target, mask, c, locale);
                writer.writeRow(java.util.Arrays.asList(
                        String.valueOf(view.line()),
                        view.field(),
                        view.before() == null ? "" : view.before(),
                        view.after() == null ? "" : view.after()));
            });
        }
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
            try (CsvFile csv = CsvFile.open(file, mapping, runner.options(job))) {
                headers = csv.headers();
                sensitiveColumn = new boolean[headers.size()];
                for (int i = 0; i < headers.size(); i++) {
                    sensitiveColumn[i] = mask
                            && mapping.fieldFor(headers.get(i))
                                    .map(target.sensitiveFields()::contains)
                                    .orElse(false);
                }
            }
        }
        boolean[] hide = sensitiveColumn;
        try (SafeCsvWriter writer = SafeCsvWriter.of(out)) {
            List<String> head = new ArrayList<>(List.of(
                    imports.message("imports.report.line", List.of(), locale),
                    imports.message("imports.report.problem", List.of(), locale)));
            head.addAll(headers);
            writer.writeRow(head);
            long[] currentLine = {-1};
            List<String> pending = new ArrayList<>();
            List<String> pendingRow = new ArrayList<>();
            Runnable flush = () -> {
                if (currentLine[0] >= 0) {
                    List<String> row =
                            new ArrayList<>(List.of(String.valueOf(currentLine[0]), String.join("; ", pending)));
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
                        pendingRow.add(i < hide.length && hide[i] ? ImportManagement.MASK : cells.get(i));
                    }
                }
                boolean hidden =
                        mask && p.column() != null && target.sensitiveFields().contains(p.column());
                String where =
                        p.column() == null ? "" : "[" + ImportManagement.label(target, p.column(), locale) + "] ";
                pending.add(where
                        + imports.message(
                                p.code(),
                                hidden
                                        ? p.arguments().stream()
                                                .map(a -> ImportManagement.MASK)
                                                .toList()
                                        : ImportManagement.labelled(target, p, locale),
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
                    .map(f -> f.aliases().size() > alias ? f.aliases().get(alias) : f.name())
                    .toList());
            target.sampleRows().forEach(writer::writeRow);
        }
    }
}
