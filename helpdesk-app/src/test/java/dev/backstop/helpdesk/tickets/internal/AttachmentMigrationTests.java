package dev.backstop.helpdesk.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.testsupport.SharedH2Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An attachment written to the node's disk before the shared store existed is moved into it and still downloads. On
 * the shared context: the test finds its attachment by its own (random) storage path, not as the newest row.
 */
@SharedH2Context
class AttachmentMigrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AttachmentMigration migration;

    @Autowired
    AttachmentSettings settings;

    @Autowired
    MockMvc mvc;

    @Test
    void aFileOnThisNodesDiskMovesIntoTheSharedStoreAndStillDownloads() throws Exception {
        long ticket = jdbc.queryForObject("select min(id) from tickets where desk = 'CHANNEL'", Long.class);
        String relative = "2025/11/" + UUID.randomUUID();
        byte[] content = "旧附件 legacy attachment".getBytes(StandardCharsets.UTF_8);
        Path file = settings.directory().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        jdbc.update("""
                insert into ticket_attachments (ticket_id, file_name, content_type, size_bytes, storage_path, sha256, created_at)
                values (?, 'old.txt', 'text/plain', ?, ?, ?, ?)""", ticket, content.length, relative, "0".repeat(64), Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("select id from ticket_attachments where storage_path = ?", Long.class, relative);

        migration.migrate();

        assertThat(jdbc.queryForObject("select storage_path from ticket_attachments where id = ?", String.class, id))
                .startsWith("blob:");
        assertThat(file).doesNotExist();
        byte[] downloaded = mvc.perform(
                        get("/api/v1/tickets/" + ticket + "/attachments/" + id).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(content);
    }
}
