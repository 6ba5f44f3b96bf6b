package dev.backstop.helpdesk.tickets;

import java.time.Instant;
import java.util.List;

/**
 * Changes to tickets in the order they were made, for indexes derived from tickets (the knowledge base's similar
 * resolved tickets). Not scoped to a user: whoever reads it must filter by the digest's desk and confidentiality.
 */
public interface TicketFeed {

    /**
     * Up to {@code limit} tickets whose last change is after ({@code updatedAt}, {@code afterId}), oldest change first.
     * Confidential tickets come with no text.
     */
    List<TicketDigest> changedAfter(Instant updatedAt, long afterId, int limit);

    /**
     * Which tickets changed at or after {@code since} (on any app node), oldest change first, at most {@code limit}:
     * id, key, desk and change time only, for live pages that reload what changed.
     */
    List<Change> changedSince(Instant since, int limit);

    /** That a ticket changed, and when. */
    record Change(long id, String key, Desk desk, Instant updatedAt) {}

    /**
     * A ticket as a derived index sees it.
     *
     * @param resolution the answer that settled it: the last public reply, call summary or back-office answer, else the comment of the
     *                   move to resolved; null while unresolved
     * @param resolved   resolved or closed
     */
    record TicketDigest(
            long id,
            String key,
            Desk desk,
            TicketType type,
            String subject,
            String description,
            String resolution,
            boolean resolved,
            boolean confidential,
            java.util.Set<String> tags,
            Instant updatedAt,
            Instant resolvedAt) {}
}
