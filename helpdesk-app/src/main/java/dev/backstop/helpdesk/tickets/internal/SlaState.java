package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.SlaStatus;
import dev.backstop.helpdesk.tickets.TicketState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The SLA clock of a ticket as read at one moment, from its stored due times: its status and the due time it is
 * measured against. The same rule in Java (here: ticket pages and lists) and in SQL ({@link TicketFilters}).
 */
record SlaState(
        TicketState state,
        Long policyId,
        Instant resolvedAt,
        Instant pausedAt,
        Instant firstRespondedAt,
        Instant firstResponseDue,
        Instant firstResponseRiskAt,
        Instant resolutionDue,
        Instant resolutionRiskAt) {

    /** States in which the clock does not run. */
    static final Set<TicketState> STOPPED =
            EnumSet.of(TicketState.PENDING_REQUESTER, TicketState.RESOLVED, TicketState.CLOSED);

    static final Set<TicketState> DONE = EnumSet.of(TicketState.RESOLVED, TicketState.CLOSED);

    SlaStatus status(Instant now) {
        if (policyId == null) {
            return null;
        }
        if (DONE.contains(state)) {
            Instant resolved = resolvedAt != null ? resolvedAt : pausedAt;
            boolean firstMissed = firstRespondedAt == null
                    ? resolved != null && resolved.isAfter(firstResponseDue)
                    : firstRespondedAt.isAfter(firstResponseDue);
            return firstMissed || resolved != null && resolved.isAfter(resolutionDue)
                    ? SlaStatus.MISSED
                    : SlaStatus.MET;
        }
        if (pausedAt != null) {
            return SlaStatus.PAUSED;
        }
        boolean awaitingFirst = firstRespondedAt == null;
        if (awaitingFirst && !now.isBefore(firstResponseDue) || !now.isBefore(resolutionDue)) {
            return SlaStatus.BREACHED;
        }
        if (awaitingFirst && !now.isBefore(firstResponseRiskAt) || !now.isBefore(resolutionRiskAt)) {
            return SlaStatus.AT_RISK;
        }
        return SlaStatus.RUNNING;
    }

    /** The due time the ticket is measured against now, or null once its clock has stopped. */
    Instant activeDue() {
        if (policyId == null || pausedAt != null || DONE.contains(state)) {
            return null;
        }
        return firstRespondedAt == null && firstResponseDue.isBefore(resolutionDue) ? firstResponseDue : resolutionDue;
    }
}
