package dev.backstop.helpdesk.sla;

import java.time.Duration;

/**
 * The targets of the policy that applies to a ticket, in business time of the policy's calendar.
 *
 * @param update         how long a working ticket may go without an update to the requester; null: no target
 * @param atRiskPercent  the share of a target used up at which the ticket counts as at risk
 */
public record SlaTargets(
        long policyId,
        String policyName,
        String policyNameEn,
        long calendarId,
        Duration firstResponse,
        Duration update,
        Duration resolution,
        int atRiskPercent) {

    /** The business time into a target at which it is at risk. */
    public Duration atRisk(Duration target) {
        return Duration.ofSeconds(target.toSeconds() * atRiskPercent / 100);
    }
}
