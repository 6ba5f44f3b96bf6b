package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.SlaStatus;
import dev.backstop.helpdesk.tickets.TicketClocks;
import dev.backstop.helpdesk.tickets.TicketSla;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The SLA clock kept on a ticket: started when it opens, the first response recorded by the first public reply or
 * call of staff, stopped while it waits on the requester or is resolved, and on resuming every due time moves by the
 * business time that was left. Which policy applies and how business time counts come from {@link TicketClocks}
 * (provided by {@code sla}). Statuses are computed against "now", the same way in Java (views) and in SQL
 * ({@link TicketFilters}).
 */
@Component
class TicketClock {

    static final Set<TicketState> STOPPED = EnumSet.of(TicketState.PENDING_REQUESTER, TicketState.RESOLVED, TicketState.CLOSED);
    static final Set<TicketState> DONE = EnumSet.of(TicketState.RESOLVED, TicketState.CLOSED);

    private final TicketClocks clocks;
    private final Names names;

    TicketClock(TicketClocks clocks, Names names) {
        this.clocks = clocks;
        this.names = names;
    }

    /** A back-office deadline: {@code hours} business hours of the office calendar from now (null: the default). */
    Instant backOfficeDue(Instant now, Integer hours) {
        return clocks.backOfficeDue(now, hours);
    }

    /** When the callback owed to the requester after a back-office answer is due (office calendar). */
    Instant callbackDue(Instant now) {
        return clocks.callbackDue(now);
    }

    void start(TicketEntity ticket, Instant now) {
        ticket.segment = segmentOf(ticket);
        TicketClocks.Started started = clocks.start(ticket.desk, ticket.type, ticket.priority, ticket.segment, now);
        ticket.slaPolicyId = started.policyId();
        ticket.slaCalendarId = started.calendarId();
        ticket.firstResponseDue = started.firstResponseDue();
        ticket.firstResponseRiskAt = started.firstResponseRiskAt();
        ticket.resolutionDue = started.resolutionDue();
        ticket.resolutionRiskAt = started.resolutionRiskAt();
    }

    /** A public reply or a call of staff: the first one answers the first-response target; each sets the next update due. */
    void responded(TicketEntity ticket, Instant now) {
        if (ticket.slaPolicyId == null) {
            return;
        }
        if (ticket.firstRespondedAt == null) {
            ticket.firstRespondedAt = now;
        }
        ticket.nextUpdateDue = clocks.nextUpdateDue(ticket.slaPolicyId, ticket.slaCalendarId, now);
    }

    void stateChanged(TicketEntity ticket, TicketState from, Instant now) {
        if (ticket.slaPolicyId == null) {
            return;
        }
        boolean wasStopped = STOPPED.contains(from);
        boolean stopped = STOPPED.contains(ticket.state);
        if (!wasStopped && stopped) {
            ticket.slaPausedAt = now;
        } else if (wasStopped && !stopped && ticket.slaPausedAt != null) {
            long calendar = ticket.slaCalendarId;
            Instant pausedAt = ticket.slaPausedAt;
            ticket.firstResponseDue = clocks.resume(calendar, pausedAt, ticket.firstResponseDue, now);
            ticket.firstResponseRiskAt = clocks.resume(calendar, pausedAt, ticket.firstResponseRiskAt, now);
            ticket.resolutionDue = clocks.resume(calendar, pausedAt, ticket.resolutionDue, now);
            ticket.resolutionRiskAt = clocks.resume(calendar, pausedAt, ticket.resolutionRiskAt, now);
            ticket.nextUpdateDue = clocks.resume(calendar, pausedAt, ticket.nextUpdateDue, now);
            ticket.slaPausedAt = null;
        }
    }

    static SlaStatus status(TicketEntity ticket, Instant now) {
        if (ticket.slaPolicyId == null) {
            return null;
        }
        if (DONE.contains(ticket.state)) {
            Instant resolved = ticket.resolvedAt != null ? ticket.resolvedAt : ticket.slaPausedAt;
            boolean firstMissed = ticket.firstRespondedAt == null ? resolved != null && resolved.isAfter(ticket.firstResponseDue)
                    : ticket.firstRespondedAt.isAfter(ticket.firstResponseDue);
            return firstMissed || resolved != null && resolved.isAfter(ticket.resolutionDue) ? SlaStatus.MISSED : SlaStatus.MET;
        }
        if (ticket.slaPausedAt != null) {
            return SlaStatus.PAUSED;
        }
        boolean awaitingFirst = ticket.firstRespondedAt == null;
        if (awaitingFirst && !now.isBefore(ticket.firstResponseDue) || !now.isBefore(ticket.resolutionDue)) {
            return SlaStatus.BREACHED;
        }
        if (awaitingFirst && !now.isBefore(ticket.firstResponseRiskAt) || !now.isBefore(ticket.resolutionRiskAt)) {
            return SlaStatus.AT_RISK;
        }
        return SlaStatus.RUNNING;
    }

    /** The due time the ticket is measured against now, or null once its clock has stopped. */
    static Instant activeDue(TicketEntity ticket) {
        if (ticket.slaPolicyId == null || ticket.slaPausedAt != null || DONE.contains(ticket.state)) {
            return null;
        }
        return ticket.firstRespondedAt == null && ticket.firstResponseDue.isBefore(ticket.resolutionDue)
                ? ticket.firstResponseDue : ticket.resolutionDue;
    }

    TicketSla view(TicketEntity ticket, Instant now) {
        if (ticket.slaPolicyId == null) {
            return null;
        }
        return clocks.view(ticket.slaPolicyId, ticket.slaCalendarId, status(ticket, now), ticket.firstResponseDue,
                ticket.firstRespondedAt, ticket.resolutionDue, ticket.nextUpdateDue, activeDue(ticket), now);
    }

    private Segment segmentOf(TicketEntity ticket) {
        if (ticket.type == TicketType.HARDSHIP) {
            return Segment.VULNERABLE;
        }
        if (ticket.distributorId != null) {
            return names.distributorTier(ticket.distributorId).map(tier -> switch (tier) {
                case "VIP" -> Segment.VIP;
                case "KEY" -> Segment.KEY;
                case "SPECIAL" -> Segment.SPECIAL;
                default -> Segment.GENERAL;
            }).orElse(Segment.GENERAL);
        }
        return Segment.GENERAL;
    }
}
