package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/**
 * One row of a ticket list.
 *
 * @param topic what an HR ticket is about (null on other desks)
 * @param callbackPromise the requester's call-back promise in their own words (null: none)
 */
public record TicketSummary(
        long id,
        String key,
        Desk desk,
        TicketType type,
        Channel channel,
        Priority priority,
        TicketState state,
        String subject,
        String requesterName,
        String assigneeName,
        boolean confidential,
        Instant createdAt,
        Instant updatedAt,
        Segment segment,
        SlaStatus slaStatus,
        Instant slaDue,
        HrTopic topic,
        String callbackPromise) {}
