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

    /** "3 h 20 min" style text of {@link #businessTimeLeft}, without sign. */
    public String leftText() {
        if (businessTimeLeft == null) {
            return "";
        }
        long minutes = Math.abs(businessTimeLeft.toMinutes());
        return minutes >= 60 ? "%d h %02d min".formatted(minutes / 60, minutes % 60) : minutes + " min";
    }

    public boolean overdue() {
        return businessTimeLeft != null && businessTimeLeft.isNegative();
    }
}
