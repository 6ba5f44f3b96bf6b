package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import dev.backstop.helpdesk.calls.CallbackTask;
import dev.backstop.helpdesk.calls.MissedCalls;
import dev.backstop.helpdesk.calls.ReportedCall;
import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.distributors.DistributorDirectory;
import dev.backstop.helpdesk.hr.HrCallers;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CallbackTasks implements MissedCalls {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;
    private final DistributorDirectory distributors;
    private final HrCallers hrCallers;
    private final Clock clock;
    private final DeskTime deskTime;
    private final CallLog callLog;

    CallbackTasks(
            JdbcTemplate jdbc,
            TicketManagement tickets,
            DistributorDirectory distributors,
            HrCallers hrCallers,
            Clock clock,
            DeskTime deskTime,
            CallLog callLog) {
        this.callLog = callLog;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.distributors = distributors;
        this.hrCallers = hrCallers;
        this.clock = clock;
        this.deskTime = deskTime;
    }

    @Override
    @Transactional
    public CallbackTask report(ReportedCall call, CurrentUser by) {
        String callId = required(call.callId(), "calls.error.callId");
        if (callId.length() > 64) {
            throw new CallRefused("calls.error.callIdTooLong", 64);
        }
        String digits = PhoneNumbers.digits(required(call.caller(), "calls.error.caller"));
        if (digits == null || digits.length() < 5 || digits.length() > 20) {
            throw new CallRefused("calls.error.caller", call.caller());
        }
        if (call.desk() != Desk.CHANNEL && call.desk() != Desk.HR) {
            throw new CallRefused("calls.error.desk", String.valueOf(call.desk()));
        }
        ReportedCall.Kind kind = call.kind() == null ? ReportedCall.Kind.ABANDONED : call.kind();
        Instant at = call.at() == null ? clock.instant() : call.at();
        if (at.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw new CallRefused("calls.error.future", at.toString());
        }

        Optional<Long> reported =
                jdbc.queryForList("select ticket_id from missed_calls where call_id = ?", Long.class, callId).stream()
                        .findFirst();
        if (reported.isPresent()) { // the PBX sent the same call again
            return task(tickets.get(reported.get(), by), false);
        }
        Optional<Distributor> account = call.desk() == Desk.CHANNEL ? distributorOf(digits) : Optional.empty();
        Optional<HrCallers.Caller> staff = call.desk() == Desk.HR ? hrCallers.byPhone(digits) : Optional.empty();
        String line = describe(call, kind, TIME.format(deskTime.at(at)));
        // the PBX's call id is for the staff (an internal note): the caller reads the task in the portal
        String pbx = "PBX call " + callId;
        TicketDetails ticket = openTaskOf(digits, call.desk(), by)
                .map(open -> tickets.note(open.id(), line + "。" + pbx, null, by))
                .orElse(null);
        boolean created = ticket == null;
        if (created) {
            String phone = call.caller().strip();
            Requester requester = account.flatMap(d -> contactOf(d, digits))
                    .map(c -> new Requester(RequesterKind.DISTRIBUTOR_CONTACT, c.id(), c.name(), phone, c.email()))
                    .or(() -> staff.map(c -> c.family()
                            ? new Requester(RequesterKind.FAMILY_MEMBER, c.familyMemberId(), c.name(), phone, null)
                            : new Requester(RequesterKind.EMPLOYEE, c.employeeId(), c.name(), phone, c.email())))
                    .orElse(Requester.unknownCaller(phone));
            String subject = (kind == ReportedCall.Kind.ABANDONED
                            ? "未接来电，请回电 / Missed call, please call back: "
                            : "来电人请求回电 / Caller asked for a callback: ")
                    + account.map(d -> d.name() + " ")
                            .or(() -> staff.map(c -> c.name() + " "))
                            .orElse("")
                    + phone;
            ticket = tickets.open(
                    new OpenTicket(
                            call.desk(),
                            TicketType.CALLBACK,
                            Channel.PHONE,
                            Priority.NORMAL,
                            requester,
                            account.map(Distributor::id).orElse(null),
                            staff.map(HrCallers.Caller::employeeId).orElse(null),
                            subject,
                            line,
                            BusinessRefs.none(),
                            Set.of(kind == ReportedCall.Kind.ABANDONED ? "未接来电" : "请求回电"),
                            false,
                            null,
                            null,
                            call.skill()),
                    by);
            ticket = tickets.note(ticket.id(), pbx, null, by);
        }
        jdbc.update(
                """
                insert into missed_calls (call_id, kind, desk, caller, caller_digits, called_at, waited_seconds, ticket_id,
                                          created_ticket, reported_by, reported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                callId,
                kind.name(),
                call.desk().name(),
                call.caller().strip(),
                digits,
                Timestamp.from(at),
                call.waitedSeconds(),
                ticket.id(),
                created,
                by.id(),
                Timestamp.from(clock.instant()));
        callLog.missedReported(call, at, ticket.id()); // the report is a call record too (issue 16)
        return task(ticket, created);
    }

    /** The caller's callback task at this desk that nobody has called back yet (new or open, no first response). */
    private Optional<TicketDetails> openTaskOf(String digits, Desk desk, CurrentUser by) {
        List<Long> earlier = jdbc.queryForList("""
                select ticket_id from missed_calls where caller_digits = ? and desk = ? and created_ticket = true
                 order by called_at desc, id desc fetch first 1 rows only""", Long.class, digits, desk.name());
        return earlier.stream()
                .findFirst()
                .map(id -> tickets.get(id, by))
                .filter(t -> (t.state() == TicketState.NEW || t.state() == TicketState.OPEN)
                        && t.sla() != null
                        && t.sla().firstRespondedAt() == null);
    }

    private Optional<Distributor> distributorOf(String digits) {
        List<Long> ids = distributors.find(digits).stream()
                .filter(m -> digits.equals(PhoneNumbers.digits(m.matchedDetail())))
                .map(Distributor.Match::id)
                .distinct()
                .toList();
        return ids.size() == 1 ? distributors.byId(ids.getFirst()) : Optional.empty(); // one account, or ask the caller
    }

    private static Optional<Distributor.Contact> contactOf(Distributor distributor, String digits) {
        return distributor.contacts().stream()
                .filter(c -> digits.equals(PhoneNumbers.digits(c.phone())))
                .findFirst();
    }

    private static String describe(ReportedCall call, ReportedCall.Kind kind, String at) {
        String waited = call.waitedSeconds() == null
                ? ""
                : "，排队 %d 秒 / waited %d s".formatted(call.waitedSeconds(), call.waitedSeconds());
        return (kind == ReportedCall.Kind.ABANDONED ? "未接来电 / Missed call" : "请求回电 / Callback requested") + "："
                + call.caller().strip() + "，" + at + waited;
    }

    private static CallbackTask task(TicketDetails ticket, boolean created) {
        return new CallbackTask(
                ticket.id(),
                ticket.key(),
                created,
                ticket.requester() != null && ticket.requester().kind() != RequesterKind.UNKNOWN_CALLER,
                ticket.segment() == null ? null : ticket.segment().name(),
                ticket.sla() == null ? null : ticket.sla().firstResponseDue());
    }

    private static String required(String value, String code) {
        if (value == null || value.isBlank()) {
            throw new CallRefused(code, String.valueOf(value));
        }
        return value.strip();
    }
}
