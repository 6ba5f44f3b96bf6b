package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.identity.CurrentUser;

/**
 * A port the {@code hr} module implements: told of every read of a confidential case by staff (its assignee or an HR
 * lead), inside the transaction that serves the read, so that the read is in the HR access log or not served at all.
 * The requester's own reads are not reported. Without an implementation nothing is recorded.
 */
public interface ConfidentialCaseReads {

    void read(long ticketId, String ticketKey, long employeeId, CurrentUser by);
}
