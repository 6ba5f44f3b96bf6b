package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.BusinessCalendar;
import dev.backstop.helpdesk.sla.SlaPolicies;
import dev.backstop.helpdesk.sla.SlaSubject;
import dev.backstop.helpdesk.sla.SlaTargets;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.SlaStatus;
import dev.backstop.helpdesk.tickets.TicketClocks;
import dev.backstop.helpdesk.tickets.TicketSla;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks' arithmetic for tickets: the first matching policy (desk, type, priority, segment, HR topic) gives the
 * targets, counted in business time of its calendar; a response sets the next update due; a clock resuming after a
 * pause moves every due time by the business time that was left. The complaint loop's two deadlines — the back
 * office's answer ({@code backstop.sla.back-office-within}, 48 h) and the callback after it
 * ({@code backstop.sla.callback-within}, 4 h) — are business time of the office calendar.
 */
@Component
class SlaClock implements TicketClocks {

    private final SlaPolicies policies;
    private final Duration callbackWithin;
    private final Duration backOfficeWithin;

    SlaClock(
            SlaPolicies policies,
            @Value("${backstop.sla.callback-within:4h}") Duration callbackWithin,
            @Value("${backstop.sla.back-office-within:48h}") Duration backOfficeWithin) {
        this.policies = policies;
        this.callbackWithin = callbackWithin;
        this.backOfficeWithin = backOfficeWithin;
    }

    @Override
    public Started start(Desk desk, TicketType type, Priority priority, Segment segment, HrTopic topic, Instant now) {
        SlaTargets targets = policies.targetsFor(new SlaSubject(
                desk.name(), type.name(), priority.name(), segment.name(), topic == null ? null : topic.name()));
        BusinessCalendar calendar = policies.calendar(targets.calendarId());
        return new Started(
                targets.policyId(),
                targets.calendarId(),
                calendar.plus(now, targets.firstResponse()),
                calendar.plus(now, targets.atRisk(targets.firstResponse())),
                calendar.plus(now, targets.resolution()),
                calendar.plus(now, targets.atRisk(targets.resolution())));
    }

    @Override
    public Instant nextUpdateDue(long policyId, long calendarId, Instant respondedAt) {
        SlaTargets targets = policies.targets(policyId);
        return targets.update() == null ? null : policies.calendar(calendarId).plus(respondedAt, targets.update());
    }

    @Override
    public Instant resume(long calendarId, Instant pausedAt, Instant due, Instant now) {
        if (due == null || !due.isAfter(pausedAt)) {
            return due;
        }
        BusinessCalendar calendar = policies.calendar(calendarId);
        return calendar.plus(now, calendar.between(pausedAt, due));
    }

    @Override
    public Instant backOfficeDue(Instant now, Integer hours) {
        return office().plus(now, hours == null ? backOfficeWithin : Duration.ofHours(hours));
    }

    @Override
    public Instant callbackDue(Instant now) {
        return office().plus(now, callbackWithin);
    }

    @Override
    public TicketSla view(
            long policyId,
            long calendarId,
            SlaStatus status,
            Instant firstResponseDue,
            Instant firstRespondedAt,
            Instant resolutionDue,
            Instant nextUpdateDue,
            Instant activeDue,
            Instant now) {
        SlaTargets targets = policies.targets(policyId);
        Duration left = null;
        if (activeDue != null) {
            BusinessCalendar calendar = policies.calendar(calendarId);
            left = activeDue.isAfter(now)
                    ? calendar.between(now, activeDue)
                    : calendar.between(activeDue, now).negated();
        }
        return new TicketSla(
                targets.policyName(),
                targets.policyNameEn(),
                status,
                firstResponseDue,
                firstRespondedAt,
                resolutionDue,
                nextUpdateDue,
                activeDue,
                left);
    }

    private BusinessCalendar office() {
        return policies.calendar("OFFICE");
    }
}
