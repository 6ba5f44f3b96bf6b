package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import dev.backstop.helpdesk.calls.CallState;
import dev.backstop.helpdesk.calls.CallStateChanged;
import dev.backstop.helpdesk.calls.MissedCalls;
import dev.backstop.helpdesk.calls.ReportedCall;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a PBX's event: applies it to the call record ({@link CallLog}), answers {@code newCall} so the PBX can be
 * steered ({@code reject} a blocked number; {@code dial} a key account's available account manager), turns a call
 * that ends abandoned or missed into a callback task ({@link MissedCalls}), puts an ended call on the ticket it was
 * linked to, and pops it on the agents' pages after the commit ({@link ScreenPops}). One transaction, one connection.
 */
@Service
class CtiEvents {

    private final Telephony telephony;
    private final CallLog log;
    private final CallSteps callSteps;
    private final Parties parties;
    private final MissedCalls missed;
    private final TicketManagement tickets;
    private final ScreenPops pops;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CallNotes notes;
    private final ApplicationEventPublisher publisher;
    private final CallbackClosing callbacks;

    CtiEvents(
            Telephony telephony,
            CallLog log,
            CallSteps callSteps,
            Parties parties,
            MissedCalls missed,
            TicketManagement tickets,
            ScreenPops pops,
            JdbcTemplate jdbc,
            Clock clock,
            CallNotes notes,
            ApplicationEventPublisher publisher,
            CallbackClosing callbacks) {
        this.callbacks = callbacks;
        this.publisher = publisher;
        this.notes = notes;
        this.telephony = telephony;
        this.log = log;
        this.callSteps = callSteps;
        this.parties = parties;
        this.missed = missed;
        this.tickets = tickets;
        this.pops = pops;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Map<String, Object> handle(String token, CtiEvent e) {
        Telephony.Pbx pbx = telephony.pbx(token);
        if (e.event() == null || !CtiEvent.KNOWN.contains(e.event())) {
            throw new CallRefused("calls.error.event", String.valueOf(e.event()), String.join(", ", CtiEvent.KNOWN));
        }
        CallLog.checkCallId(e.callId());
        if (e.direction() != null
                && !e.direction().equalsIgnoreCase("in")
                && !e.direction().equalsIgnoreCase("out")) {
            throw new CallRefused("calls.error.direction", e.direction());
        }
        Instant now = clock.instant();
        Instant at = e.at() == null || e.at().isAfter(now) ? now : e.at();
        String callId = e.callId().strip();
        CallRow before = log.lock(callId, e.inbound() ? "in" : "out");
        if (e.repeatable()) {
            String key = stepKey(e);
            String target = e.transferTo() == null || e.transferTo().isBlank()
                    ? null
                    : e.transferTo().strip();
            if ("transferred".equals(e.event()) && target == null) {
                throw new CallRefused("calls.error.transferTo");
            }
            if (target != null && target.length() > 100) {
                throw new CallRefused("calls.error.transferToTooLong", 100);
            }
            Long targetUser = target == null ? null : telephony.staffBy(target).orElse(null);
            if (!callSteps.firstStep(callId, key, e.event(), at, target, targetUser)) {
                return Map.of(); // the PBX retried this hold, resume or transfer
            }
        } else if (!log.firstTime(callId, e.event())) {
            return "newCall".equals(e.event()) ? steer(before, e) : Map.of(); // a retry gets the same answer
        }
        Desk desk = before.desk() != null
                ? before.desk()
                : telephony.deskOf(e.inbound() ? e.to() : e.from()).orElse(null);
        // the party is looked up once per call: an earlier PBX event with the number and the desk found what there is
        boolean lookedUp = before.pbxId() != null
                && before.desk() != null
                && (e.inbound() ? before.from() != null : before.to() != null);
        Parties.Party party =
                "UNKNOWN".equals(before.party().kind()) && !lookedUp && (e.from() != null || e.to() != null)
                        ? parties.of(e.inbound() ? e.from() : e.to(), desk)
                        : before.party();
        Map<String, Object> answer =
                "newCall".equals(e.event()) && e.inbound() ? steer(desk, party, e.from()) : Map.of();
        List<Long> ring = before.ringUsers().isEmpty() ? ringing(e, desk, answer) : null;
        Long answeredBy = before.answeredBy() == null && ("answer".equals(e.event()) || "hangup".equals(e.event()))
                ? answering(e)
                : null; // the first answering agent stays
        // the holds and transfers are derived from the steps only when there are any (most calls have none)
        boolean steps =
                e.repeatable() || before.steps().holds() > 0 || before.steps().transfers() > 0;
        CallRow after =
                callSteps.derive(log.fill(before, e, at, desk, party, ring, answeredBy, pbx.id(), steps), steps);
        CallLog.Applied applied = new CallLog.Applied(before, after, false);
        boolean isNew = "newCall".equals(e.event()) && before.startedAt() == null && before.endedAt() == null;
        if (isNew
                || before.state() != after.state()
                || !java.util.Objects.equals(before.agentUsername(), after.agentUsername())) {
            publisher.publishEvent(new CallStateChanged(
                    callId,
                    after.desk() == null ? null : after.desk().name(),
                    after.state(),
                    isNew ? null : before.state(),
                    after.agentUsername(),
                    before.agentUsername(),
                    after.endedAt() != null ? after.endedAt() : after.answeredAt() != null ? after.answeredAt() : at));
        }

        // the PBX's user, looked up only when a follow-up needs it (most events have none)
        java.util.function.Supplier<CurrentUser> asPbx = () -> telephony.user(pbx.actsAs());
        boolean linked = false;
        if (applied.became(CallState.ABANDONED, CallState.MISSED)
                && after.inbound()
                && (after.desk() == Desk.CHANNEL || after.desk() == Desk.HR)
                && callable(after.from())) {
            var task = missed.report(
                    new ReportedCall(
                            callId,
                            ReportedCall.Kind.ABANDONED,
                            after.from(),
                            after.desk(),
                            after.ivrChoice(),
                            after.endedAt(),
                            after.waitSeconds() == null
                                    ? null
                                    : after.waitSeconds().intValue()),
                    asPbx.get());
            log.linkTicket(after.id(), task.ticketId());
            linked = true;
        } else if (after.ticketId() != null && before.endedAt() == null && after.endedAt() != null) {
            CurrentUser agent = after.answeredBy() != null ? telephony.user(after.answeredBy()) : asPbx.get();
            tickets.logCall(after.ticketId(), notes.ended(after), null, agent);
        }
        if (after.ticketId() != null
                && before.recording() == null
                && after.recording() != null
                && after.endedAt() != null
                && before.endedAt() != null) {
            tickets.note(after.ticketId(), notes.recording(after), null, asPbx.get());
        }
        if (!after.inbound() && before.answeredAt() == null && after.answeredAt() != null) {
            CurrentUser agent = after.agentId() != null ? telephony.user(after.agentId()) : asPbx.get();
            callbacks.calledBack(after, agent); // the callback call closes its callback task
        }
        pops.changed(linked ? log.find(callId).orElseThrow() : after);
        return answer;
    }

    /** A repeatable event's once-key: the PBX's event id, else the time it happened; neither is refused. */
    private static String stepKey(CtiEvent e) {
        if (e.eventId() != null && !e.eventId().isBlank()) {
            if (e.eventId().strip().length() > 200) {
                throw new CallRefused("calls.error.eventIdTooLong", 200);
            }
            return "id:" + e.eventId().strip();
        }
        if (e.at() == null) {
            throw new CallRefused("calls.error.stepKey", e.event());
        }
        return e.event() + "@" + e.at();
    }

    /** The answer to a repeated {@code newCall}: what the first one got. */
    private Map<String, Object> steer(CallRow row, CtiEvent e) {
        return e.inbound() ? steer(row.desk(), row.party(), e.from()) : Map.of();
    }

    /**
     * Generic CTI's answer to {@code newCall}: {@code {"action":"reject","reason":"busy"}} for a blocked number;
     * {@code {"action":"dial","number":<extension>,"callerId":<from>}} for a VIP or key distributor whose account
     * manager is available (the rule of ticket routing: an enabled agent linked to that employee, present AVAILABLE)
     * and has an extension; otherwise {@code {}}: the PBX queues the call as it would.
     */
    private Map<String, Object> steer(Desk desk, Parties.Party party, String from) {
        if (telephony.blocked(from)) {
            return Map.of("action", "reject", "reason", "busy");
        }
        if (party.distributorId() == null) {
            return Map.of();
        }
        List<String> extension = jdbc.queryForList("""
                select x.extension from distributors d
                  join app_users u on u.employee_id = d.account_manager_id
                  join agent_profiles p on p.user_id = u.id
                  join agent_extensions x on x.user_id = u.id
                 where d.id = ? and d.tier in ('VIP', 'KEY') and u.enabled = true and p.presence = 'AVAILABLE'
                 order by u.id""", String.class, party.distributorId());
        if (extension.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> dial = new LinkedHashMap<>();
        dial.put("action", "dial");
        dial.put("number", extension.getFirst());
        dial.put("callerId", from);
        return dial;
    }

    /** Whose page pops: the agent dialled (steering), the users the PBX names, else the desk's agents. */
    private List<Long> ringing(CtiEvent e, Desk desk, Map<String, Object> answer) {
        List<Long> users = new ArrayList<>();
        if (answer.get("number") instanceof String extension) {
            telephony.staffBy(extension).ifPresent(users::add);
        }
        for (String user : e.users()) {
            telephony.staffBy(user).filter(id -> !users.contains(id)).ifPresent(users::add);
        }
        if (users.isEmpty() && desk != null && e.inbound()) {
            users.addAll(telephony.agentsOf(desk));
        }
        return users.size() > 200 ? users.subList(0, 200) : users;
    }

    private Long answering(CtiEvent e) {
        return telephony
                .staffBy(e.answeringNumber())
                .or(() -> e.users().size() == 1 ? telephony.staffBy(e.users().getFirst()) : java.util.Optional.empty())
                .orElse(null);
    }

    /** A number to call back (not "anonymous", not an internal extension). */
    private static boolean callable(String number) {
        String digits = dev.backstop.helpdesk.shared.PhoneNumbers.digits(number);
        return digits != null && digits.length() >= 5 && digits.length() <= 20;
    }
}
