package dev.backstop.helpdesk.sla;

/**
 * SLA policies by desk × ticket type × priority × requester segment, and the business calendars they count
 * in. The first active policy (by position) whose given criteria all match applies; a policy with no
 * criteria matches everything, so there is always a default.
 */
public interface SlaPolicies {

    SlaTargets targetsFor(SlaSubject subject);

    /** The targets of a policy by id, also of one deactivated since a ticket started under it. */
    SlaTargets targets(long policyId);

    /** The calendar with this code (e.g. {@code OFFICE}). */
    BusinessCalendar calendar(String code);

    /** The calendar with this id; unknown ids are a programming error. */
    BusinessCalendar calendar(long calendarId);

    /**
     * The desk's service hours: the calendar of the policy that a plain ticket of the desk gets (no type, priority
     * or segment). Due times said to a requester are quoted in these hours.
     */
    default BusinessCalendar serviceHours(String desk) {
        return calendar(targetsFor(new SlaSubject(desk, null, null, null)).calendarId());
    }
}
