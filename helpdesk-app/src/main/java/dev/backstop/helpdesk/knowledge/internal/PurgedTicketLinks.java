package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.tickets.TicketsPurging;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A purged ticket leaves the knowledge base: its links to articles go, an article or escalation written from it keeps
 * its text without the link, an escalation that was the ticket goes, and after the commit the ticket leaves this
 * node's similar-tickets index (another node's local index keeps it until that index is rebuilt; its reader opens the
 * ticket, which is gone, so only the snippet stays visible there).
 */
@Component
class PurgedTicketLinks {

    private final JdbcTemplate jdbc;
    private final SimilarTickets similar;

    PurgedTicketLinks(JdbcTemplate jdbc, SimilarTickets similar) {
        this.jdbc = jdbc;
        this.similar = similar;
    }

    @EventListener
    void on(TicketsPurging purging) {
        String in = purging.inList();
        jdbc.update("delete from kb_article_tickets where ticket_id in (%s)".formatted(in));
        jdbc.update("update kb_articles set source_ticket_id = null where source_ticket_id in (%s)".formatted(in));
        jdbc.update("update kb_escalations set source_ticket_id = null where source_ticket_id in (%s)".formatted(in));
        jdbc.update("delete from kb_escalations where ticket_id in (%s)".formatted(in));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    similar.forget(purging.keysById());
                }
            });
        }
    }
}
