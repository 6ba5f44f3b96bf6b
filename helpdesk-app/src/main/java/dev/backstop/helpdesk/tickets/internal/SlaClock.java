package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.sla.BusinessCalendar;
import dev.backstop.helpdesk.sla.SlaPolicies;
import dev.backstop.helpdesk.sla.SlaSubject;
import dev.backstop.helpdesk.sla.SlaTargets;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.SlaStatus;
import dev.backstop.helpdesk.tickets.TicketSla;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks on a ticket: started when it opens (policy by desk, type, priority and segment), the first
 * response recorded by the first public reply or call of staff, stopped while it waits on the requester or is
 * resolved, and on resuming every due time moves by the business time that was left. Statuses are computed
 * against "now", the same way in Java (views) and in SQL ({@link TicketFilters}).
 */
@Component
class SlaClock {

    static final Set<TicketState> STOPPED = EnumSet.of(TicketState.PENDING_REQUESTER, TicketState.RESOLVED, TicketState.CLOSED);
    static final Set<TicketState> DONE = EnumSet.of(TicketState.RESOLVED, TicketState.CLOSED);

    private final SlaPolicies policies;
    private final Names names;

    private final Duration callbackWithin;

    SlaClock(SlaPolicies policies, Names names,
            @Value("${backstop.sla.callback-within:4h}") Duration callbackWithin) {
        this.policies = policies;
        this.names = names;
        this.callbackWithin = callbackWithin;
    }

    /** A back-office deadline: business hours of the office calendar from now. */
    Instant backOfficeDue(Instant now, int hours) {
        return policies.calendar("OFFICE").plus(now, Duration.ofHours(hours));
    }

    /** When the callback owed to the requester after a back-office answer is due (office calendar). */
    Instant callbackDue(Instant now) {
        return policies.calendar("OFFICE").plus(now, callbackWithin);
    }

    void start(TicketEntity ticket, Instant now) {
        ticket.segment = segmentOf(ticket);
        SlaTargets targets = policies.targetsFor(new SlaSubject(ticket.desk.name(), ticket.type.name(),
                ticket.priority.name(), ticket.segment.name()));
        BusinessCalendar calendar = policies.calendar(targets.calendarId());
        ticket.slaPolicyId = targets.policyId();
        ticket.slaCalendarId = targets.calendarId();
        ticket.firstResponseDue = calendar.plus(now, targets.firstResponse());
        ticket.firstResponseRiskAt = calendar.plus(now, targets.atRisk(targets.firstResponse()));
        ticket.resolutionDue = calendar.plus(now, targets.resolution());
        ticket.resolutionRiskAt = calendar.plus(now, targets.atRisk(targets.resolution()));
    }

    /** A public reply or a call of staff: the first one answers the first-response target; each sets the next update due. */
    void responded(TicketEntity ticket, Instant now) {
        if (ticket.slaPolicyId == null) {
            return;
        }
        if (ticket.firstRespondedAt == null) {
            ticket.firstRespondedAt = now;
        }
        SlaTargets targets = targetsOf(ticket);
        ticket.nextUpdateDue = targets.update() == null ? null : calendar(ticket).plus(now, targets.update());
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
            BusinessCalendar calendar = calendar(ticket);
            Instant pausedAt = ticket.slaPausedAt;
            ticket.firstResponseDue = resume(calendar, pausedAt, ticket.firstResponseDue, now);
            ticket.firstResponseRiskAt = resume(calendar, pausedAt, ticket.firstResponseRiskAt, now);
            ticket.resolutionDue = resume(calendar, pausedAt, ticket.resolutionDue, now);
            ticket.resolutionRiskAt = resume(calendar, pausedAt, ticket.resolutionRiskAt, now);
            ticket.nextUpdateDue = resume(calendar, pausedAt, ticket.nextUpdateDue, now);
            ticket.slaPausedAt = null;
        }
    }

    /** A due time still ahead when the clock stopped is moved by the business time it had left; a passed one stays. */
    private static Instant resume(BusinessCalendar calendar, Instant pausedAt, Instant due, Instant now) {
        if (due == null || !due.isAfter(pausedAt)) {
            return due;
        }
        return calendar.plus(now, calendar.between(pausedAt, due));
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
        SlaTargets targets = targetsOf(ticket);
        Instant due = activeDue(ticket);
        Duration left = null;
        if (due != null) {
            BusinessCalendar calendar = calendar(ticket);
            left = due.isAfter(now) ? calendar.between(now, due) : calendar.between(due, now).negated();
        }
        return new TicketSla(targets.policyName(), targets.policyNameEn(), status(ticket, now), ticket.firstResponseDue,
                ticket.firstRespondedAt, ticket.resolutionDue, ticket.nextUpdateDue, due, left);
    }

    BusinessCalendar calendar(TicketEntity ticket) {
        return policies.calendar(ticket.slaCalendarId);
    }

    private SlaTargets targetsOf(TicketEntity ticket) {
        return policies.targets(ticket.slaPolicyId);
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
