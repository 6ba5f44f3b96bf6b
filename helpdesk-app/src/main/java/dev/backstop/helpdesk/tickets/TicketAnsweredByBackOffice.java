package dev.backstop.helpdesk.tickets;

/**
 * A back-office department answered a forwarded ticket; it is back at its desk, waiting for the call back to the
 * requester.
 *
 * @param assigneeId     who works the ticket now; null when nobody does
 * @param forwardedById  the agent who forwarded it to the department (null when unknown)
 */
public record TicketAnsweredByBackOffice(long ticketId, String key, Desk desk, Long assigneeId, Long forwardedById) {}
