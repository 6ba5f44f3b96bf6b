package dev.backstop.helpdesk.tickets;

import java.time.Duration;
import java.time.Instant;

/**
 * A ticket's SLA clocks. Due times are counted in business time of the policy's calendar.
 *
 * @param activeDue        the due time the ticket is now measured against (first response until answered, then
 *                         resolution); null once the clock has stopped
 * @param businessTimeLeft business time until {@code activeDue}, negative when overdue; null when stopped
 */
public record TicketSla(
        String policyName,
        String policyNameEn,
        SlaStatus status,
        Instant firstResponseDue,
        Instant firstRespondedAt,
        Instant resolutionDue,
        Instant nextUpdateDue,
        Instant activeDue,
        Duration businessTimeLeft) {

    public boolean firstResponseMissed() {
        return firstRespondedAt != null && firstRespondedAt.isAfter(firstResponseDue);
    }

    /** Whole hours of business time left (or overdue); with {@link #leftMinutes()} for "3 小时 59 分". */
    public long leftHours() {
        return businessTimeLeft == null ? 0 : Math.abs(businessTimeLeft.toMinutes()) / 60;
    }

    /** The minutes beyond {@link #leftHours()}. */
    public long leftMinutes() {
        return businessTimeLeft == null ? 0 : Math.abs(businessTimeLeft.toMinutes()) % 60;
    }

    public boolean overdue() {
        return businessTimeLeft != null && businessTimeLeft.isNegative();
    }
}
