package dev.backstop.helpdesk.imports.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.helpdesk.imports.internal.ImportJob;
import dev.backstop.helpdesk.imports.internal.ImportManagement;
import dev.backstop.helpdesk.imports.internal.ImportProfiles;
import dev.backstop.helpdesk.imports.internal.ImportReports;
import dev.backstop.imports.Field;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports for machines: {@code POST /api/v1/imports/{kind}} with a multipart {@code file} queues a job (a dry run
 * with {@code dryRun=true}; {@code emptyClears=true}: empty cells clear stored values; {@code encoding=GB18030}: the
 * file's charset, else detected) and answers 202 with the job; its status, preview, changes, problems and reports follow.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportApi {

    private final ImportManagement imports;
    private final ImportReports reports;
    private final ImportProfiles profiles;
    private final Clock clock;

    ImportApi(ImportManagement imports, ImportReports reports, ImportProfiles profiles, Clock clock) {
        this.reports = reports;
        this.imports = imports;
        this.profiles = profiles;
        this.clock = clock;
    }

    record FieldView(String name, String type, boolean required, List<String> headers) {}

    record KindView(String kind, List<String> key, List<FieldView> fields, List<String> profiles) {}

    @GetMapping("/kinds")
    List<KindView> kinds(CurrentUser user) {
        return imports.kinds(user).stream().map(this::kindView).toList();
    }

    private KindView kindView(ImportTarget target) {
        return new KindView(
                target.kind(),
                target.schema().key(),
                target.schema().fields().stream()
                        .map((Field f) -> new FieldView(f.name(), f.type().name(), f.isRequired(), f.aliases()))
                        .toList(),
                profiles.sources(target.kind()));
    }

    @GetMapping("/kinds/{kind}/template")
    void template(@PathVariable String kind, CurrentUser user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ImportTarget target = imports.kind(kind, user);
        reports.writeTemplate(target, locale(request), csv(response, kind + "-template.csv"));
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JobView> submit(
            @PathVariable String kind,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "SKIP_BAD_ROWS") ImportJob.Policy policy,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "false") boolean emptyClears,
            @RequestParam(required = false) String encoding,
            CurrentUser user,
            HttpServletRequest request)
            throws IOException {
        ImportJob job = imports.submit(
                kind,
                file.getOriginalFilename(),
                file.getSize(),
                file.isEmpty() && file.getOriginalFilename() == null ? null : file.getInputStream(),
                new ImportManagement.Options(dryRun, policy, source, emptyClears, encoding),
                user);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/jobs/" + job.id()))
                .body(view(job, request));
    }

    @GetMapping("/jobs")
    List<JobView> jobs(CurrentUser user, HttpServletRequest request) {
        return imports.recent(user).stream().map(job -> view(job, request)).toList();
    }

    @GetMapping("/jobs/{id}")
    JobView job(
            @PathVariable long id,
            @RequestParam(defaultValue = "200") int problems,
            @RequestParam(defaultValue = "100") int changes,
            CurrentUser user,
            HttpServletRequest request) {
        ImportJob job = imports.job(id, user);
        Locale locale = locale(request);
        return view(job, request)
                .withDetails(
                        imports.problemCount(job),
                        imports.preview(job, user, locale),
                        imports.problems(job, user, locale, Math.clamp(problems, 0, 10_000)),
                        imports.changeCount(job),
                        imports.changes(job, user, locale, Math.clamp(changes, 0, 10_000)));
    }

    /** Every change the job made (a dry run: would make) as CSV: line, field, from, to. */
    @GetMapping("/jobs/{id}/changes")
    void changes(@PathVariable long id, CurrentUser user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ImportJob job = imports.job(id, user);
        reports.writeChangeReport(job, user, locale(request), csv(response, "import-" + id + "-changes.csv"));
    }

    /** The language to answer in: {@code ?lang=} or the locale cookie of the pages, else Accept-Language, else Chinese. */
    private static Locale locale(HttpServletRequest request) {
        return org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
    }

    @PostMapping("/jobs/{id}/apply")
    ResponseEntity<JobView> apply(
            @PathVariable long id,
            @RequestParam(defaultValue = "SKIP_BAD_ROWS") ImportJob.Policy policy,
            CurrentUser user,
            HttpServletRequest request) {
        ImportJob job = imports.apply(id, policy, user);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/jobs/" + job.id()))
                .body(view(job, request));
    }

    @GetMapping("/jobs/{id}/errors")
    void errors(@PathVariable long id, CurrentUser user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ImportJob job = imports.job(id, user);
        reports.writeErrorReport(job, user, locale(request), csv(response, "import-" + id + "-errors.csv"));
    }

    @GetMapping("/profiles/{kind}/{source}")
    Map<String, String> profile(@PathVariable String kind, @PathVariable String source, CurrentUser user) {
        imports.kind(kind, user);
        return profiles.of(kind, source);
    }

    @PutMapping("/profiles/{kind}/{source}")
    Map<String, String> saveProfile(
            @PathVariable String kind,
            @PathVariable String source,
            @RequestBody Map<String, String> headerToField,
            CurrentUser user) {
        imports.kind(kind, user);
        profiles.save(kind, source, headerToField, user.username());
        return profiles.of(kind, source);
    }

    private JobView view(ImportJob job, HttpServletRequest request) {
        return JobView.of(job, clock.instant(), imports.errorMessage(job, locale(request)));
    }

    static OutputStream csv(HttpServletResponse response, String fileName) throws IOException {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.setContentType("text/csv;charset=UTF-8");
        return response.getOutputStream();
    }
}
