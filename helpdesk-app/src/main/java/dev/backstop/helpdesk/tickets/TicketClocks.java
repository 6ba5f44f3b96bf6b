package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/**
 * What a ticket's SLA clock needs to know and cannot know itself: which policy applies and how business time is
 * counted. Declared here, provided by the {@code sla} module (its policies and business calendars); {@code tickets}
 * keeps the due times on the ticket and calls this port inside its own transaction, so a ticket is never stored
 * or shown without its due times, and {@code tickets} never imports {@code sla} (ADR "SLA and routing listen to
 * tickets").
 */
public interface TicketClocks {

    /**
     * The first matching policy's targets from {@code now}, in business time of its calendar ({@code topic}: an HR
     * ticket's topic, null elsewhere).
     */
    Started start(Desk desk, TicketType type, Priority priority, Segment segment, HrTopic topic, Instant now);

    /** When the next update to the requester is due after a response at {@code respondedAt}; null: no such target. */
    Instant nextUpdateDue(long policyId, long calendarId, Instant respondedAt);

    /** A due time still ahead when the clock stopped, moved by the business time it had left; a passed one stays. */
    Instant resume(long calendarId, Instant pausedAt, Instant due, Instant now);

    /**
     * The deadline of work forwarded to a back-office department: {@code hours} business hours of the office calendar,
     * or the default back-office target ({@code backstop.sla.back-office-within}) when {@code hours} is null.
     */
    Instant backOfficeDue(Instant now, Integer hours);

    /** When the callback owed to the requester after a back-office answer is due (office calendar). */
    Instant callbackDue(Instant now);

    /** The clock as staff read it: the policy's names and the business time left to the active due time. */
    TicketSla view(
            long policyId,
            long calendarId,
            SlaStatus status,
            Instant firstResponseDue,
            Instant firstRespondedAt,
            Instant resolutionDue,
            Instant nextUpdateDue,
            Instant activeDue,
            Instant now);

    /** The policy a clock started under, with its calendar and the due times and at-risk points of both targets. */
    record Started(
            long policyId,
            long calendarId,
            Instant firstResponseDue,
            Instant firstResponseRiskAt,
            Instant resolutionDue,
            Instant resolutionRiskAt) {}
}
