package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/**
 * Deletes tickets past their retention period, for the desk that owns the period (the HR desk's retention job). Not
 * scoped to a user: a system job calls it, never a request.
 */
public interface TicketRetention {

    /**
     * Deletes up to {@code limit} closed tickets of {@code desk} resolved (else closed) before {@code resolvedBefore},
     * with their timeline, tags and attachments (the files go after commit), in the caller's transaction, which must
     * exist. Before the rows go, {@link TicketsPurging} is published inside that transaction so that every module
     * holding rows that refer to one of them deletes or detaches those rows; the caller records the count in the same
     * transaction. Returns how many tickets were deleted (0: nothing left to delete).
     */
    int purgeClosed(Desk desk, Instant resolvedBefore, int limit);
}
