package dev.backstop.helpdesk.tickets.internal;

import java.io.IOException;
import java.io.InputStream;
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
 * Moves attachment files written to this node's disk before the shared {@link dev.backstop.helpdesk.shared.BlobStore}
 * into it, once, at start-up: each file is copied, its row switched to the new reference, then the file removed.
 * Rows whose file is not on this node's disk are left for the node that has it (each node migrates its own).
 */
@Component
class AttachmentMigration {

    private static final Logger log = LoggerFactory.getLogger(AttachmentMigration.class);

    private final JdbcTemplate jdbc;
    private final AttachmentStore store;
    private final dev.backstop.helpdesk.shared.BlobStore blobs;

    AttachmentMigration(JdbcTemplate jdbc, AttachmentStore store, dev.backstop.helpdesk.shared.BlobStore blobs) {
        this.jdbc = jdbc;
        this.store = store;
        this.blobs = blobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrate() {
        record Row(long id, String path) {}
        List<Row> rows = jdbc.query(
                "select id, storage_path from ticket_attachments where storage_path not like 'blob:%'",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2)));
        int moved = 0;
        for (Row row : rows) {
            Path file = store.legacyPath(row.path());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                String reference = blobs.save(in);
                if (jdbc.update(
                                "update ticket_attachments set storage_path = ? where id = ? and storage_path = ?",
                                reference,
                                row.id(),
                                row.path())
                        == 1) {
                    Files.deleteIfExists(file);
                    moved++;
                } else {
                    blobs.delete(reference);
                }
            } catch (IOException | RuntimeException ex) {
                log.warn("Attachment {} stays at {} for now: {}", row.id(), file, ex.toString());
            }
        }
        if (moved > 0) {
            log.info("Moved {} attachment file(s) from {} into the shared store", moved, store.legacyPath(""));
        }
    }
}
