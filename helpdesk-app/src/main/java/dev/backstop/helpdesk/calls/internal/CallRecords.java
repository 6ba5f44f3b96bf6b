package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallNotFound;
import dev.backstop.helpdesk.calls.CallRecord;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.tickets.Desk;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading call records: the staff of the call's desk (its agents, supervisors, admins) see it; a call to a number that
 * is no hotline only supervisors and admins. Anyone else gets 404, as for a call that does not exist.
 */
@Component
class CallRecords {

    private final CallLog log;
    private final dev.backstop.helpdesk.tickets.TicketManagement tickets;

    CallRecords(CallLog log, dev.backstop.helpdesk.tickets.TicketManagement tickets) {
        this.log = log;
        this.tickets = tickets;
    }

    @Transactional(readOnly = true)
    CallRow row(String callId, CurrentUser user) {
        return log.find(callId == null ? "" : callId)
                .filter(c -> mayRead(c.desk(), user))
                .orElseThrow(() -> new CallNotFound(String.valueOf(callId)));
    }

    /** The calls on a ticket the user may see (404 otherwise, as for the ticket), first call first. */
    @Transactional(readOnly = true)
    java.util.List<CallRecord> ofTicket(long ticketId, CurrentUser user) {
        tickets.get(ticketId, user);
        return log.ofTicket(ticketId).stream().map(CallRecords::record).toList();
    }

    /**
     * The caller log: {@code mine} (the calls the user answered, placed, had transferred to them or that rang for
     * them) or {@code desk} (the calls of one desk they serve, or of all of them); newest first, at most 200.
     */
    @Transactional(readOnly = true)
    java.util.List<CallRecord> log(String scope, String desk, int limit, CurrentUser user) {
        int size = Math.max(1, Math.min(limit, 200));
        if (scope == null || scope.isBlank() || "mine".equals(scope)) {
            return log.logOf(user.id(), java.util.List.of(), size).stream()
                    .map(CallRecords::record)
                    .toList();
        }
        if (!"desk".equals(scope)) {
            throw new dev.backstop.helpdesk.calls.CallRefused("calls.error.logScope", scope);
        }
        java.util.List<Desk> desks;
        if (desk == null || desk.isBlank()) {
            desks = java.util.Arrays.stream(Desk.values())
                    .filter(d -> mayRead(d, user))
                    .toList();
        } else {
            Desk one;
            try {
                one = Desk.valueOf(desk.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new dev.backstop.helpdesk.calls.CallRefused("calls.error.hotlineDesk", desk);
            }
            if (!mayRead(one, user)) {
                throw new dev.backstop.helpdesk.calls.CallRefused("calls.error.notYourDesk", one.name());
            }
            desks = java.util.List.of(one);
        }
        return log.logOf(null, desks, size).stream().map(CallRecords::record).toList();
    }

    CallRecord get(String callId, CurrentUser user) {
        return record(row(callId, user));
    }

    static boolean mayRead(Desk desk, CurrentUser user) {
        if (user.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            return true;
        }
        return desk != null
                && switch (desk) {
                    case CHANNEL -> user.has(Role.CHANNEL_AGENT);
                    case EXPERT -> user.has(Role.EXPERT);
                    case HR -> user.hasAny(Role.HR_AGENT, Role.HR_PAYROLL);
                };
    }

    static CallRecord record(CallRow c) {
        Parties.Party p = c.party();
        boolean distributor = "DISTRIBUTOR_CONTACT".equals(p.kind());
        boolean hr = "EMPLOYEE".equals(p.kind()) || "FAMILY_MEMBER".equals(p.kind());
        return new CallRecord(
                c.callId(),
                c.desk() == null ? null : c.desk().name(),
                c.direction(),
                c.from(),
                c.to(),
                c.state(),
                new CallRecord.Party(p.kind(), p.name(), distributor ? p.code() : null, hr ? p.code() : null),
                c.answeredByName(),
                c.waitSeconds(),
                c.talkSeconds(),
                c.cause(),
                c.recording(),
                c.ticketKey(),
                c.startedAt(),
                c.answeredAt(),
                c.endedAt(),
                c.steps().holds(),
                c.steps().holdSeconds(),
                c.steps().onHold(),
                c.steps().transfers(),
                c.steps().transferredTo(),
                c.agentUsername());
    }
}
