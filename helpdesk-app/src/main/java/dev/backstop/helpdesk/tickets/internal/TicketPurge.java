package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketRetention;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketsPurging;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes closed tickets past retention in one batch: other modules' rows first ({@link TicketsPurging}), then the
 * ticket's own (attachments, timeline, tags, the ticket); the attachment files after the commit, so that a rolled-back
 * batch loses no file. Rows are taken {@code for update skip locked}: a ticket someone is reopening right now waits
 * for the next pass.
 */
@Component
class TicketPurge implements TicketRetention {

    private static final Logger log = LoggerFactory.getLogger(TicketPurge.class);

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final AttachmentStore files;

    TicketPurge(JdbcTemplate jdbc, ApplicationEventPublisher events, AttachmentStore files) {
        this.jdbc = jdbc;
        this.events = events;
        this.files = files;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int purgeClosed(Desk desk, Instant resolvedBefore, int limit) {
        Map<Long, String> keys = new LinkedHashMap<>();
        jdbc.query(
                """
                select id, ticket_key from tickets
                 where desk = ? and state = ? and coalesce(resolved_at, closed_at) < ?
                 order by id fetch first %d rows only for update skip locked""".formatted(Math.max(1, limit)),
                (RowCallbackHandler) rs -> {
                    keys.put(rs.getLong(1), rs.getString(2));
                },
                desk.name(),
                TicketState.CLOSED.name(),
                Timestamp.from(resolvedBefore));
        if (keys.isEmpty()) {
            return 0;
        }
        TicketsPurging purging = new TicketsPurging(desk, keys);
        events.publishEvent(purging);
        String in = purging.inList();
        List<String> references = jdbc.queryForList(
                "select storage_path from ticket_attachments where ticket_id in (" + in + ")", String.class);
        jdbc.update("delete from ticket_attachments where ticket_id in (" + in + ")");
        jdbc.update("delete from ticket_articles where ticket_id in (" + in + ")");
        jdbc.update("delete from ticket_tags where ticket_id in (" + in + ")");
        int deleted = jdbc.update("delete from tickets where id in (" + in + ")");
        if (!references.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    references.forEach(TicketPurge.this::deleteFile);
                }
            });
        }
        return deleted;
    }

    private void deleteFile(String reference) {
        try {
            files.delete(reference);
            if (!dev.backstop.helpdesk.shared.BlobStore.isReference(reference)) {
                Files.deleteIfExists(files.legacyPath(reference));
            }
        } catch (IOException | RuntimeException ex) {
            log.warn("A purged ticket's attachment file stays behind: {}", ex.toString());
        }
    }
}
