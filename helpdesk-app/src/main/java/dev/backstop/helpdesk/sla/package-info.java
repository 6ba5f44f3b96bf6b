/**
 * SLA policies and business calendars (opening hours, public holidays, make-up working days) — what a
 * ticket's clocks count in. Knows nothing of tickets: the ticket module asks it for targets and calendars.
 */
package dev.backstop.helpdesk.sla;
