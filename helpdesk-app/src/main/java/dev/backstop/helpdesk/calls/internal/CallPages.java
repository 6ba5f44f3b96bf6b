package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketFilter;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.tickets.TicketType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screen pop on the agent's workspace page: the stream that says a call rings or was answered, the pop itself
 * (who is calling, their open tickets with the most recent preselected, or "unknown number" with quick create), and
 * putting the call on a ticket, picked or created, which records it on the ticket's timeline.
 */
@Controller
class CallPages {

    private final ScreenPops pops;
    private final CallRecords records;
    private final CallLog log;
    private final TicketManagement tickets;
    private final TransactionTemplate transaction;
    private final CallNotes notes;

    CallPages(
            ScreenPops pops,
            CallRecords records,
            CallLog log,
            TicketManagement tickets,
            TransactionTemplate transaction,
            CallNotes notes) {
        this.notes = notes;
        this.pops = pops;
        this.records = records;
        this.log = log;
        this.tickets = tickets;
        this.transaction = transaction;
    }

    @GetMapping("/workspace/calls/events")
    SseEmitter events(CurrentUser user) {
        return pops.subscribe(user.id());
    }

    @GetMapping("/workspace/calls/{callId}/pop")
    String pop(@PathVariable String callId, CurrentUser user, Model model) {
        CallRow call = records.row(callId, user);
        model.addAttribute("call", CallRecords.record(call));
        model.addAttribute("mine", user.id() == (call.answeredBy() == null ? -1 : call.answeredBy()));
        model.addAttribute("otherAnswered", call.answeredBy() != null && call.answeredBy() != user.id());
        List<TicketSummary> open = openTickets(call, user);
        model.addAttribute("open", open);
        boolean employee = "EMPLOYEE".equals(call.party().kind())
                || "FAMILY_MEMBER".equals(call.party().kind());
        model.addAttribute(
                "hrPanelTicket",
                employee
                                && call.desk() == Desk.HR
                                && user.hasAny(
                                        dev.backstop.helpdesk.identity.Role.HR_AGENT,
                                        dev.backstop.helpdesk.identity.Role.HR_PAYROLL)
                                && !open.isEmpty()
                        ? open.getFirst().id()
                        : null);
        return "calls/pop :: pop";
    }

    @PostMapping("/workspace/calls/{callId}/ticket")
    String link(
            @PathVariable String callId,
            @RequestParam(required = false) Long ticketId,
            @RequestParam(required = false) String subject,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            long id = transaction.execute(status -> {
                CallRow call = records.row(callId, user);
                if (call.ticketId() != null) {
                    throw new CallRefused("calls.error.alreadyOnTicket", call.ticketKey());
                }
                TicketDetails ticket = ticketId != null ? tickets.get(ticketId, user) : create(call, subject, user);
                log.linkTicket(call.id(), ticket.id());
                CallRow linked = log.find(call.callId()).orElseThrow();
                tickets.logCall(ticket.id(), notes.linked(linked), null, user);
                if (linked.endedAt() != null && linked.answeredAt() != null) {
                    tickets.logCall(ticket.id(), notes.ended(linked), null, user);
                }
                return ticket.id();
            });
            flash.addFlashAttribute("successKey", "calls.pop.linked");
            return "redirect:/workspace/tickets/" + id;
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
            return "redirect:/workspace";
        }
    }

    private TicketDetails create(CallRow call, String subject, CurrentUser user) {
        if (subject == null || subject.isBlank()) {
            throw new CallRefused("calls.error.subject");
        }
        Set<Desk> desks = tickets.desksToOpen(user);
        Desk desk = call.desk() != null && desks.contains(call.desk())
                ? call.desk()
                : desks.stream().findFirst().orElseThrow(() -> new CallRefused("calls.error.noDesk"));
        Parties.Party p = call.party();
        String number = call.inbound() ? call.from() : call.to();
        Requester requester = switch (p.kind()) {
            case "DISTRIBUTOR_CONTACT" ->
                new Requester(RequesterKind.DISTRIBUTOR_CONTACT, p.ref(), p.name(), number, null);
            case "EMPLOYEE" -> new Requester(RequesterKind.EMPLOYEE, p.ref(), p.name(), number, null);
            case "FAMILY_MEMBER" -> new Requester(RequesterKind.FAMILY_MEMBER, p.ref(), p.name(), number, null);
            default -> Requester.unknownCaller(number);
        };
        return tickets.open(
                new OpenTicket(
                        desk,
                        TicketType.INQUIRY,
                        Channel.PHONE,
                        null,
                        requester,
                        desk == Desk.CHANNEL ? p.distributorId() : null,
                        desk == Desk.HR ? p.employeeId() : null,
                        subject.strip(),
                        subject.strip(),
                        BusinessRefs.none(),
                        Set.of(),
                        false,
                        user.id(),
                        null),
                user);
    }

    /** The party's open tickets the agent may see, most recently changed first. */
    private List<TicketSummary> openTickets(CallRow call, CurrentUser user) {
        Parties.Party p = call.party();
        try {
            List<TicketSummary> found;
            if (p.distributorId() != null) {
                found = tickets.ofDistributor(p.distributorId(), true, 10, user);
            } else if (p.name() != null || call.from() != null) {
                String who = p.name() != null ? p.name() : (call.inbound() ? call.from() : call.to());
                found = tickets.list(
                                new TicketFilter(call.desk(), null, null, false, null, who, null, true, 0, 10), user)
                        .getContent();
            } else {
                found = List.of();
            }
            return found.stream()
                    .sorted(Comparator.comparing(TicketSummary::updatedAt).reversed())
                    .limit(10)
                    .toList();
        } catch (BackstopException notAllowed) {
            return List.of();
        }
    }
}
