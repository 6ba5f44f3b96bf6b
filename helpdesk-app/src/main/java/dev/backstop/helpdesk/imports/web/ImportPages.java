package dev.backstop.helpdesk.imports.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.imports.internal.ImportJob;
import dev.backstop.helpdesk.imports.internal.ImportManagement;
import dev.backstop.helpdesk.imports.internal.ImportReports;
import dev.backstop.helpdesk.shared.BackstopException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The imports pages: upload with dry run, the job page with an htmx-polled progress bar, preview, changes and problems.
 * Messages are in the language chosen on the page (the locale switch's cookie), else the browser's.
 */
@Controller
@RequestMapping("/workspace/imports")
class ImportPages {

    /** The changes the job page lists; the change report has them all. */
    static final int CHANGES_SHOWN = 100;
    /** The encodings the upload page offers besides detection (the API takes any charset name). */
    static final java.util.List<String> ENCODINGS = java.util.List.of("UTF-8", "GB18030", "Big5", "windows-1252");

    private final ImportManagement imports;
    private final ImportReports reports;
    private final Clock clock;

    ImportPages(ImportManagement imports, ImportReports reports, Clock clock) {
        this.imports = imports;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping
    String home(CurrentUser user, Model model) {
        model.addAttribute("kinds", imports.kinds(user));
        model.addAttribute("jobs", imports.recent(user));
        model.addAttribute("policies", ImportJob.Policy.values());
        model.addAttribute("encodings", ENCODINGS);
        return "imports/home";
    }

    @PostMapping
    String upload(
            @RequestParam String kind,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "SKIP_BAD_ROWS") ImportJob.Policy policy,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "false") boolean emptyClears,
            @RequestParam(required = false) String encoding,
            CurrentUser user,
            Model model)
            throws IOException {
        try {
            if (file == null
                    || file.isEmpty()
                            && (file.getOriginalFilename() == null
                                    || file.getOriginalFilename().isBlank())) {
                return failed(user, model, "imports.error.noFile", new Object[0]);
            }
            ImportJob job = imports.submit(
                    kind,
                    file.getOriginalFilename(),
                    file.getSize(),
                    file.getInputStream(),
                    new ImportManagement.Options(dryRun, policy, source, emptyClears, encoding),
                    user);
            return "redirect:/workspace/imports/jobs/" + job.id();
        } catch (BackstopException e) {
            return failed(user, model, e.code(), e.arguments());
        }
    }

    private String failed(CurrentUser user, Model model, String code, Object[] arguments) {
        model.addAttribute("errorKey", code);
        model.addAttribute("errorArgs", arguments);
        return home(user, model);
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable long id, CurrentUser user, Model model, Locale locale) {
        ImportJob job = imports.job(id, user);
        progress(job, model, locale);
        model.addAttribute("titleKey", imports.targetOf(job).titleKey());
        model.addAttribute("preview", imports.preview(job, user, locale));
        model.addAttribute("columns", imports.columns(job));
        model.addAttribute(
                "fieldLabels",
                imports.targetOf(job).schema().fields().stream()
                        .map(f -> java.util.Map.entry(
                                f.name(), ImportManagement.label(imports.targetOf(job), f.name(), locale)))
                        .toList());
        model.addAttribute("problems", imports.problems(job, user, locale, 500));
        model.addAttribute("problemCount", imports.problemCount(job));
        model.addAttribute("changes", imports.changes(job, user, locale, CHANGES_SHOWN));
        model.addAttribute("changeCount", imports.changeCount(job));
        model.addAttribute("policies", ImportJob.Policy.values());
        return "imports/job";
    }

    @GetMapping("/jobs/{id}/progress")
    String progress(@PathVariable long id, CurrentUser user, Model model, Locale locale, HttpServletResponse response) {
        ImportJob job = imports.job(id, user);
        progress(job, model, locale);
        if (job.state().isFinal()) {
            response.setHeader("HX-Refresh", "true"); // reload once to show the preview and every problem
        }
        return "imports/job :: progress";
    }

    private void progress(ImportJob job, Model model, Locale locale) {
        model.addAttribute("job", job);
        model.addAttribute("rate", job.rowsPerSecond(clock.instant()));
        model.addAttribute("secondsLeft", job.secondsLeft(clock.instant()));
        model.addAttribute("jobError", imports.errorMessage(job, locale));
    }

    /** Saves the mapping chosen beside the file's columns as a source's profile and dry-runs the file again with it. */
    @PostMapping("/jobs/{id}/mapping")
    String remap(
            @PathVariable long id,
            @RequestParam(required = false) String source,
            @RequestParam(name = "header", required = false) java.util.List<String> headers,
            @RequestParam(name = "field", required = false) java.util.List<String> fields,
            CurrentUser user,
            Model model,
            Locale locale) {
        java.util.Map<String, String> mapping = new java.util.LinkedHashMap<>();
        for (int i = 0; headers != null && i < headers.size(); i++) {
            String field = fields != null && i < fields.size() ? fields.get(i) : null;
            if (field != null && !field.isBlank()) {
                mapping.put(headers.get(i), field);
            }
        }
        try {
            return "redirect:/workspace/imports/jobs/"
                    + imports.remap(id, source, mapping, user).id();
        } catch (BackstopException e) {
            model.addAttribute(
                    "mappingError",
                    imports.message(
                            e.code(),
                            java.util.Arrays.stream(e.arguments())
                                    .map(String::valueOf)
                                    .toList(),
                            locale));
            return job(id, user, model, locale);
        }
    }

    @PostMapping("/jobs/{id}/apply")
    String apply(
            @PathVariable long id,
            @RequestParam(defaultValue = "SKIP_BAD_ROWS") ImportJob.Policy policy,
            CurrentUser user) {
        return "redirect:/workspace/imports/jobs/"
                + imports.apply(id, policy, user).id();
    }

    @GetMapping("/jobs/{id}/errors")
    void errors(@PathVariable long id, CurrentUser user, Locale locale, HttpServletResponse response)
            throws IOException {
        ImportJob job = imports.job(id, user);
        reports.writeErrorReport(job, user, locale, ImportApi.csv(response, "import-" + id + "-errors.csv"));
    }

    @GetMapping("/jobs/{id}/changes")
    void changes(@PathVariable long id, CurrentUser user, Locale locale, HttpServletResponse response)
            throws IOException {
        ImportJob job = imports.job(id, user);
        reports.writeChangeReport(job, user, locale, ImportApi.csv(response, "import-" + id + "-changes.csv"));
    }

    @GetMapping("/templates/{kind}")
    void template(@PathVariable String kind, CurrentUser user, Locale locale, HttpServletResponse response)
            throws IOException {
        var target = imports.kind(kind, user);
        reports.writeTemplate(target, locale, ImportApi.csv(response, kind + "-template.csv"));
    }
}
