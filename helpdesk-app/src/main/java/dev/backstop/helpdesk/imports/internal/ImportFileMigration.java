package dev.backstop.helpdesk.imports.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves uploaded import files written to this node's upload directory before the shared store existed into it, once,
 * at start-up (every job row naming the file is switched to the new reference, then the file goes). Files of other
 * nodes are left for them; drop-folder files stay where they are (they are moved to done/ or failed/ as before).
 */
@Component
class ImportFileMigration {

    private static final Logger log = LoggerFactory.getLogger(ImportFileMigration.class);

    private final JdbcTemplate jdbc;
    private final UploadedFiles files;
    private final ImportSettings settings;

    ImportFileMigration(JdbcTemplate jdbc, UploadedFiles files, ImportSettings settings) {
        this.jdbc = jdbc;
        this.files = files;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrate() {
        Path root = settings.uploadDir().toAbsolutePath().normalize();
        List<String> paths = jdbc.queryForList("""
                select distinct stored_path from import_jobs where file_removed_at is null and stored_path not like 'blob:%'""", String.class);
        int moved = 0;
        for (String stored : paths) {
            Path file = Path.of(stored).toAbsolutePath().normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                continue;
            }
            try {
                UploadedFiles.Stored copy = files.store(file);
                jdbc.update("update import_jobs set stored_path = ? where stored_path = ?", copy.reference(), stored);
                Files.deleteIfExists(file);
                moved++;
            } catch (IOException | RuntimeException ex) {
                log.warn("Uploaded import file {} stays where it is for now: {}", file, ex.toString());
            }
        }
        if (moved > 0) {
            log.info("Moved {} uploaded import file(s) from {} into the shared store", moved, root);
        }
    }
}
