package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.helpdesk.shared.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drop folders, the way nightly exports arrive: {@code <dropDir>/<source>/<kind>[_anything].csv}. A file that
 * has not changed for the settle time is moved (atomically, so one node wins) to {@code processing/}, copied into the
 * shared store (so any node's worker can run the job) and queued as an apply job of that source (its saved profile
 * applies); in {@code processing/} it is named {@code job-<id>-…}. When the job ends — on whichever node — the node
 * that holds the folder moves the file to {@code done/} or {@code failed/} (at once if it ran the job, else at its next
 * scan). A file whose name matches no kind goes straight to {@code failed/}. The folder is read by every node that
 * has it: one node's local folder, or a shared mount on several.
 */
@Component
class DropFolders {

    private static final Logger log = LoggerFactory.getLogger(DropFolders.class);
    static final List<String> RESERVED = List.of("processing", "done", "failed");
    static final String JOB_PREFIX = "job-";

    private final ImportSettings settings;
    private final ImportTargets targets;
    private final ImportJobs jobs;
    private final Clock clock;
    private final UploadedFiles files;

    DropFolders(ImportSettings settings, ImportTargets targets, ImportJobs jobs, Clock clock, UploadedFiles files) {
        this.files = files;
        this.settings = settings;
        this.targets = targets;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${backstop.imports.drop-initial-delay:5s}",
            fixedDelayString = "${backstop.imports.drop-interval:30s}")
    void scan() {
        Path root = settings.dropDir();
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> sources = Files.list(root)) {
            for (Path source : sources.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                scanSource(source);
            }
        } catch (IOException | RuntimeException ex) {
            log.warn("Scanning the drop folders under {} failed: {}", root, ex.toString());
        }
    }

    private void scanSource(Path folder) throws IOException {
        String source = folder.getFileName().toString();
        if (!ImportProfiles.SOURCE.matcher(source).matches()) {
            return;
        }
        settle(folder);
        Instant settled = clock.instant().minus(settings.settleTime());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(settled)) {
                    continue;
                }
                pickUp(folder, source, file);
            }
        }
    }

    private void pickUp(Path folder, String source, Path file) throws IOException {
        String name = file.getFileName().toString();
        Optional<ImportTarget> target = targets.forFileName(name);
        if (target.isEmpty() || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            log.warn("Drop folder {}: no import kind matches {}; moved to failed/", source, name);
            move(file, folder.resolve("failed"), name);
            return;
        }
        String stamped = clock.instant().toEpochMilli() + "-" + name;
        Path processing;
        try {
            processing = move(file, folder.resolve("processing"), stamped);
        } catch (IOException lostRace) {
            return; // another node took it
        }
        UploadedFiles.Stored stored = files.store(processing);
        long id = jobs.create(new ImportJobs.NewJob(
                target.get().kind(),
                source,
                ImportJob.Mode.APPLY,
                ImportJob.Policy.SKIP_BAD_ROWS,
                name,
                stored.reference(),
                stored.sha256(),
                stored.size(),
                null,
                null,
                "drop:" + source));
        move(processing, processing.getParent(), JOB_PREFIX + id + "-" + stamped);
        log.info(
                "Drop folder {}: {} queued as import job {} ({})",
                source,
                name,
                id,
                target.get().kind());
    }

    /** Moves the files of this folder's jobs that ended (on any node) to done/ or failed/. */
    private void settle(Path folder) throws IOException {
        Path processing = folder.resolve("processing");
        if (!Files.isDirectory(processing)) {
            return;
        }
        try (Stream<Path> held = Files.list(processing)) {
            for (Path file : held.toList()) {
                jobOf(file)
                        .flatMap(jobs::find)
                        .filter(job -> job.state().isFinal())
                        .ifPresent(job -> moveToOutcome(file, job));
            }
        }
    }

    private static Optional<Long> jobOf(Path file) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-', JOB_PREFIX.length());
        if (!name.startsWith(JOB_PREFIX) || dash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(name.substring(JOB_PREFIX.length(), dash)));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private void moveToOutcome(Path file, ImportJob job) {
        try {
            move(
                    file,
                    file.getParent().getParent().resolve(job.state() == ImportJob.State.DONE ? "done" : "failed"),
                    file.getFileName()
                            .toString()
                            .substring(JOB_PREFIX.length()
                                    + String.valueOf(job.id()).length()
                                    + 1));
        } catch (IOException ex) {
            log.warn("Drop folder: could not move {} after job {}: {}", file, job.id(), ex.toString());
        }
    }

    /** Moves a dropped file to done/ or failed/ when its job ends; uploads are left alone. */
    void finished(ImportJob job) {
        if (BlobStore.isReference(job.storedPath())) {
            Path root = settings.dropDir();
            if (job.requestedName() != null && job.requestedName().startsWith("drop:") && root != null) {
                Path processing =
                        root.resolve(job.source() == null ? "" : job.source()).resolve("processing");
                try (Stream<Path> held = Files.isDirectory(processing) ? Files.list(processing) : Stream.empty()) {
                    held.filter(f -> jobOf(f).filter(id -> id == job.id()).isPresent())
                            .forEach(f -> moveToOutcome(f, job));
                } catch (IOException ex) {
                    log.warn("Drop folder: could not look into {}: {}", processing, ex.toString());
                }
            }
            return;
        }
        Path file = Path.of(job.storedPath());
        Path root = settings.dropDir();
        if (root == null
                || !file.startsWith(root.toAbsolutePath().normalize()) && !file.startsWith(root)
                || !Files.exists(file)
                || !file.getParent().getFileName().toString().equals("processing")) {
            return;
        }
        Path folder = file.getParent().getParent();
        try {
            Path moved = move(
                    file,
                    folder.resolve(job.state() == ImportJob.State.DONE ? "done" : "failed"),
                    file.getFileName().toString());
            jobs.movedTo(job.id(), moved.toString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path move(Path file, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(name);
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
            return Files.move(file, target);
        }
    }
}
