package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import dev.backstop.helpdesk.calls.CallState;
import dev.backstop.helpdesk.calls.ReportedCall;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.helpdesk.tickets.Desk;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The call records and their state machine. Each (callId, event) is taken once ({@code call_events}); an event only
 * fills what is still empty, and the state is derived from what is filled ({@link #state}), so events that arrive late,
 * twice or out of order (hang-up before answer) end in the same record, and a call never moves backwards. The call's
 * row is locked while an event is applied: two events of one call arriving at once take turns. A record is
 * {@link CallRow}; holds and transfers are {@link CallSteps}.
 *
 * <p>About 350 lines on purpose: every write of a call record is here (the PBX's events, a call placed from Backstop,
 * a missed call reported through the older interface, a dial that failed), so they fill the same columns by the
 * same rules and never move a call backwards; the queries beside them are one statement each.
 */
@Component
class CallLog {

    /** What an event did: the record before (null for a new call) and after; {@code repeated} when it was taken before. */
    record Applied(CallRow before, CallRow after, boolean repeated) {

        boolean became(CallState... states) {
            return Arrays.asList(states).contains(after.state()) && (before == null || before.state() != after.state());
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CallLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<CallRow> find(String callId) {
        return jdbc.query(CallRow.SELECT + " where c.call_id = ?", CallRow::read, callId).stream()
                .findFirst();
    }

    /**
     * Locks the call's row and reads it (one statement for a call already known), creating it first when it is new;
     * the caller's transaction holds the lock.
     */
    CallRow lock(String callId, String direction) {
        Optional<CallRow> known = locked(callId);
        if (known.isPresent()) {
            return known.get();
        }
        jdbc.update("""
                insert into calls (call_id, direction, state, party_kind, updated_at) values (?, ?, 'RINGING', 'UNKNOWN', ?)
                on conflict do nothing""", callId, direction, Timestamp.from(clock.instant()));
        return locked(callId).orElseThrow();
    }

    private Optional<CallRow> locked(String callId) {
        return jdbc.query(CallRow.SELECT + " where c.call_id = ? for update", CallRow::read, callId).stream()
                .findFirst();
    }

    /** True the first time this call has this event; false for a repeat (the PBX retried). */
    boolean firstTime(String callId, String event) {
        return jdbc.update(
                        "insert into call_events (call_id, event, received_at) values (?, ?, ?) on conflict do nothing",
                        callId,
                        event,
                        Timestamp.from(clock.instant()))
                == 1;
    }

    /**
     * Fills what the event tells and is still empty, then derives the state; without holds or transfers
     * ({@code withSteps} false) also the agent who has the call (who answered, else who placed it), in the same update.
     */
    CallRow fill(
            CallRow row,
            CtiEvent e,
            Instant at,
            Desk desk,
            Parties.Party party,
            List<Long> ringUsers,
            Long answeredBy,
            Long pbxId,
            boolean withSteps) {
        Instant started = row.startedAt();
        Instant answered = row.answeredAt();
        Instant ended = row.endedAt();
        String cause = row.cause();
        switch (e.event()) {
            case "newCall", "queued" -> started = min(started, at);
            case "answer" -> answered = answered == null ? at : answered;
            case "hangup" -> {
                ended = ended == null ? at : ended;
                cause = cause == null ? e.cause() : cause;
            }
            case "abandoned" -> {
                ended = ended == null ? at : ended;
                cause = cause == null ? (e.cause() == null ? "cancel" : e.cause()) : cause;
                if (e.waitSeconds() != null && e.waitSeconds() >= 0) {
                    started = min(started, ended.minusSeconds(e.waitSeconds()));
                }
            }
            default -> {}
        }
        // an event that arrived late carries its arrival time: keep the times in order
        if (ended != null && answered != null && answered.isAfter(ended)) {
            answered = ended;
        }
        started = min(started, min(answered, ended));
        CallState state = state(answered, ended, cause);
        jdbc.update(
                """
                update calls set desk = coalesce(desk, ?), from_number = coalesce(from_number, ?), to_number = coalesce(to_number, ?),
                       from_digits = coalesce(from_digits, ?), direction = ?, state = ?,
                       party_kind = case when party_kind = 'UNKNOWN' then ? else party_kind end,
                       party_ref = coalesce(party_ref, ?), party_name = coalesce(party_name, ?), party_code = coalesce(party_code, ?),
                       distributor_id = coalesce(distributor_id, ?), employee_id = coalesce(employee_id, ?),
                       ring_users = coalesce(ring_users, ?), answered_by = coalesce(answered_by, ?),
                       answering_number = coalesce(answering_number, ?), queue = coalesce(queue, ?),
                       ivr_choice = coalesce(ivr_choice, ?), cause = ?, recording = coalesce(recording, ?),
                       started_at = ?, answered_at = ?, ended_at = ?, pbx_id = coalesce(pbx_id, ?), updated_at = ?""" + (withSteps ? "" : ", agent_id = coalesce(answered_by, ?, placed_by)") + " where id = ?",
                args(
                        withSteps,
                        desk == null ? null : desk.name(),
                        e.from(),
                        e.to(),
                        PhoneNumbers.digits(e.from()),
                        e.direction() == null
                                ? row.direction()
                                : ("out".equalsIgnoreCase(e.direction()) ? "out" : "in"),
                        state.name(),
                        party.kind(),
                        party.ref(),
                        party.name(),
                        party.code(),
                        party.distributorId(),
                        party.employeeId(),
                        ringUsers == null || ringUsers.isEmpty()
                                ? null
                                : ringUsers.stream().map(String::valueOf).collect(Collectors.joining(",")),
                        answeredBy,
                        "answer".equals(e.event()) || "hangup".equals(e.event()) ? e.answeringNumber() : null,
                        e.queue(),
                        e.ivrChoice(),
                        cause,
                        e.recording(),
                        ts(started),
                        ts(answered),
                        ts(ended),
                        pbxId,
                        Timestamp.from(clock.instant()),
                        answeredBy, // for the agent, unless the steps derive it
                        row.id()));
        return find(row.callId()).orElseThrow();
    }

    /** The fill's arguments: the one for the agent (second to last) only when the update sets it. */
    private static Object[] args(boolean withSteps, Object... args) {
        if (!withSteps) {
            return args;
        }
        List<Object> without = new java.util.ArrayList<>(Arrays.asList(args));
        without.remove(args.length - 2);
        return without.toArray();
    }

    /**
     * The state from what is known: a hang-up after an answer (or with {@code normalClearing}/{@code forwarded}: the
     * call was established) ends it; a caller who hung up waiting ({@code cancel}, {@code abandoned}) abandoned it;
     * any other hang-up without an answer (busy, no answer, not reachable) is missed.
     */
    static CallState state(Instant answered, Instant ended, String cause) {
        if (ended == null) {
            return answered == null ? CallState.RINGING : CallState.ANSWERED;
        }
        if (answered != null || "normalClearing".equals(cause) || "forwarded".equals(cause)) {
            return CallState.ENDED;
        }
        return "cancel".equals(cause) || "abandoned".equals(cause) ? CallState.ABANDONED : CallState.MISSED;
    }

    void linkTicket(long rowId, long ticketId) {
        jdbc.update(
                "update calls set ticket_id = ?, updated_at = ? where id = ?",
                ticketId,
                Timestamp.from(clock.instant()),
                rowId);
    }

    /**
     * A call reported through {@code POST /api/v1/calls/missed} (the earlier, narrower PBX interface) is a call record
     * too: abandoned or missed, with its wait; a call the CTI events recorded already only gets its callback task.
     */
    void missedReported(ReportedCall call, Instant at, long ticketId) {
        Optional<CallRow> known = find(call.callId());
        if (known.isPresent()) {
            jdbc.update(
                    "update calls set ticket_id = coalesce(ticket_id, ?), updated_at = ? where id = ?",
                    ticketId,
                    Timestamp.from(clock.instant()),
                    known.get().id());
            return;
        }
        Instant started = call.waitedSeconds() == null ? at : at.minusSeconds(call.waitedSeconds());
        boolean abandoned = call.kind() != ReportedCall.Kind.CALLBACK_REQUESTED;
        jdbc.update(
                """
                insert into calls (call_id, desk, direction, from_number, from_digits, state, party_kind, queue, cause,
                                   started_at, ended_at, ticket_id, updated_at)
                values (?, ?, 'in', ?, ?, ?, 'UNKNOWN', ?, ?, ?, ?, ?, ?)""",
                call.callId(),
                call.desk().name(),
                call.caller().strip(),
                PhoneNumbers.digits(call.caller()),
                abandoned ? "ABANDONED" : "MISSED",
                call.skill(),
                abandoned ? "cancel" : "callbackRequested",
                Timestamp.from(started),
                Timestamp.from(at),
                ticketId,
                Timestamp.from(clock.instant()));
    }

    void setParty(long rowId, Parties.Party party) {
        jdbc.update(
                """
                update calls set party_kind = ?, party_ref = ?, party_name = ?, party_code = ?, distributor_id = ?, employee_id = ?
                 where id = ? and party_kind = 'UNKNOWN'""",
                party.kind(),
                party.ref(),
                party.name(),
                party.code(),
                party.distributorId(),
                party.employeeId(),
                rowId);
    }

    /** The calls on a ticket, first call first. */
    List<CallRow> ofTicket(long ticketId) {
        return jdbc.query(
                CallRow.SELECT + " where c.ticket_id = ? order by c.started_at, c.id", CallRow::read, ticketId);
    }

    /**
     * The caller log: the calls an agent had (answered, placed, had transferred to them, or that rang for them), or the
     * calls of some desks; newest first.
     */
    List<CallRow> logOf(Long userId, java.util.Collection<Desk> desks, int limit) {
        List<Object> args = new java.util.ArrayList<>();
        String where;
        if (userId != null) {
            where = "c.answered_by = ? or c.agent_id = ? or c.placed_by = ? or (',' || c.ring_users || ',') like ?";
            args.addAll(List.of(userId, userId, userId, "%," + userId + ",%"));
        } else if (desks.isEmpty()) {
            return List.of();
        } else {
            where = "c.desk in (" + String.join(",", java.util.Collections.nCopies(desks.size(), "?")) + ")";
            desks.forEach(d -> args.add(d.name()));
        }
        return jdbc.query(
                CallRow.SELECT + " where (" + where + ") order by coalesce(c.started_at, c.updated_at) desc, c.id desc"
                        + " fetch first " + limit + " rows only",
                CallRow::read,
                args.toArray());
    }

    /** An outbound call an agent placed from Backstop (click-to-dial or a {@code tel:} link); returns its row. */
    CallRow placed(
            String callId,
            Desk desk,
            String fromExtension,
            String to,
            long placedBy,
            Long ticketId,
            boolean dialledByHand) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                """
                insert into calls (call_id, desk, direction, from_number, to_number, state, party_kind, cause, started_at,
                                   ended_at, ticket_id, placed_by, agent_id, updated_at)
                values (?, ?, 'out', ?, ?, ?, 'UNKNOWN', ?, ?, ?, ?, ?, ?, ?)""",
                callId,
                desk == null ? null : desk.name(),
                fromExtension,
                to,
                dialledByHand ? "ENDED" : "RINGING",
                dialledByHand ? "dialledByPhone" : null,
                now,
                dialledByHand ? now : null,
                ticketId,
                placedBy,
                placedBy,
                now);
        return find(callId).orElseThrow();
    }

    /** A click-to-dial the PBX refused or did not answer: the call ends with that cause. */
    void dialFailed(String callId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "update calls set state = 'MISSED', cause = 'dialFailed', ended_at = ?, updated_at = ? where call_id = ? and ended_at is null",
                now,
                now,
                callId);
    }

    /** A call id and when its record last changed: what the screen-pop poll reads before it reads any record. */
    record Change(String callId, Instant updatedAt) {}

    /**
     * The calls changed after {@code since}, oldest change first, as (call id, change time) only: the screen pops' safety
     * net reads these narrow rows and the full records of only the calls it has not pushed yet.
     */
    List<Change> changesSince(Instant since, int limit) {
        return jdbc.query(
                "select call_id, updated_at from calls where updated_at > ? order by updated_at fetch first " + limit
                        + " rows only",
                (rs, i) -> new Change(rs.getString(1), rs.getTimestamp(2).toInstant()),
                Timestamp.from(since));
    }

    /** The records of these calls (one query; unknown ids are left out). */
    List<CallRow> byCallIds(java.util.Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                CallRow.SELECT + " where c.call_id in ("
                        + String.join(",", java.util.Collections.nCopies(callIds.size(), "?")) + ")",
                CallRow::read,
                callIds.toArray());
    }

    static void checkCallId(String callId) {
        if (callId == null || callId.isBlank()) {
            throw new CallRefused("calls.error.callId", String.valueOf(callId));
        }
        if (callId.strip().length() > 250) {
            throw new CallRefused("calls.error.callIdTooLong", 250);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
