package dev.backstop.helpdesk.workspace;

import dev.backstop.helpdesk.distributors.DistributorDirectory;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.knowledge.ReplyTemplates;
import dev.backstop.helpdesk.organization.OrganizationDirectory;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.Assignee;
import dev.backstop.helpdesk.tickets.AttachmentResponses;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.SlaStatus;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketFilter;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.Transfer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent workspace: my tickets, the desk's tickets with filters, the ticket page with its actions.
 *
 * <p>About 350 lines on purpose: the agent's pages (home, queue, ticket list, ticket page, their live streams) and the
 * ticket page's actions (reply, note, call, assign, transfer, answer, callback, state, attachments) are one short
 * handler each, the actions through {@link #act} with the same conflict handling, message and redirect.
 */
@Controller
@RequestMapping("/workspace")
class WorkspaceController {

    private final TicketManagement tickets;
    private final TicketRouting routing;
    private final AgentProfiles agents;
    private final OrganizationDirectory organization;
    private final QueueStream queueStream;
    private final ReplyTemplates templates;
    private final TicketStream ticketStream;

    private final DistributorDirectory distributors;

    WorkspaceController(
            TicketManagement tickets,
            TicketRouting routing,
            AgentProfiles agents,
            OrganizationDirectory organization,
            QueueStream queueStream,
            ReplyTemplates templates,
            TicketStream ticketStream,
            DistributorDirectory distributors) {
        this.distributors = distributors;
        this.queueStream = queueStream;
        this.templates = templates;
        this.ticketStream = ticketStream;
        this.tickets = tickets;
        this.routing = routing;
        this.agents = agents;
        this.organization = organization;
    }

    @GetMapping
    String home(CurrentUser user, Model model) {
        model.addAttribute(
                "mine", tickets.list(new TicketFilter(null, null, null, true, null, null, null, true, 0, 20), user));
        model.addAttribute("profile", agents.of(user.id()));
        model.addAttribute("presences", Presence.values());
        model.addAttribute(
                "active", tickets.list(new TicketFilter(null, null, null, false, null, null, null, true, 0, 20), user));
        if (user.has(Role.BACK_OFFICE)) {
            model.addAttribute(
                    "inbox",
                    tickets.list(
                            new TicketFilter(
                                    null,
                                    TicketState.PENDING_BACK_OFFICE,
                                    null,
                                    false,
                                    null,
                                    null,
                                    null,
                                    true,
                                    null,
                                    0,
                                    50),
                            user));
        }
        if (user.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            model.addAttribute(
                    "escalated",
                    tickets.list(
                            new TicketFilter(
                                    null, null, null, false, null, null, null, true, SlaStatus.BREACHED, 0, 50),
                            user));
        }
        return "workspace/home";
    }

    @PostMapping("/presence")
    String presence(@RequestParam Presence presence, CurrentUser user) {
        agents.setPresence(user.id(), presence);
        return "redirect:/workspace";
    }

    /** Takes the best waiting ticket; when none waits, or the agent cannot take one now, says why on the home page. */
    @PostMapping("/next")
    String next(CurrentUser user, RedirectAttributes flash) {
        try {
            return routing.next(user)
                    .map(t -> "redirect:/workspace/tickets/" + t.id())
                    .orElseGet(() -> {
                        flash.addFlashAttribute("successKey", "workspace.next.none");
                        return "redirect:/workspace";
                    });
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
            return "redirect:/workspace";
        }
    }

    @GetMapping(path = "/queue/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter queueEvents(@RequestParam Desk desk, CurrentUser user) {
        // the same rule as the queue itself: a channel agent hears nothing of the HR queue
        if (!routing.maySeeQueue(desk, user)) {
            throw new dev.backstop.helpdesk.tickets.TicketOperationNotAllowed("queue." + desk);
        }
        // ticket keys only to those who may see every ticket of the queue, confidential ones included; the page needs
        // no key, only the nudge to reload the rows its user may see. Nobody sees every HR ticket since confidential
        // cases (issue 15: their assignee and HR leads only), so the HR queue's stream carries no keys at all.
        return queueStream.subscribe(
                desk, desk != Desk.HR && user.hasAny(Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN));
    }

    @GetMapping("/queue")
    String queue(
            @RequestParam(required = false) Desk desk,
            @RequestParam(required = false) HrTopic topic,
            CurrentUser user,
            Model model) {
        Desk own = Pages.ownDesk(tickets, user);
        Desk shown = desk != null ? desk : own != null ? own : Desk.CHANNEL;
        HrTopic shownTopic = shown == Desk.HR ? topic : null;
        model.addAttribute("desk", shown);
        model.addAttribute("desks", Desk.values());
        model.addAttribute("topic", shownTopic);
        model.addAttribute("topics", HrTopic.values());
        model.addAttribute("entries", routing.waiting(shown, shownTopic, user, 200));
        return "workspace/queue";
    }

    @GetMapping("/tickets")
    String list(
            @RequestParam(required = false) Desk desk,
            @RequestParam(required = false) TicketState state,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String requester,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SlaStatus sla,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            CurrentUser user,
            Model model) {
        var filter = new TicketFilter(desk, state, null, mine, priority, requester, q, false, sla, page, 25);
        model.addAttribute("filter", filter);
        model.addAttribute("page", tickets.list(filter, user));
        model.addAttribute("desks", Desk.values());
        model.addAttribute("states", TicketState.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("slaFilters", List.of(SlaStatus.AT_RISK, SlaStatus.BREACHED));
        return htmx != null ? "workspace/tickets :: table" : "workspace/tickets";
    }

    /** The ticket page; {@code template} (the composer's form without JavaScript) starts the reply with that template. */
    @GetMapping("/tickets/{id}")
    String view(
            @PathVariable long id,
            @RequestParam(required = false) Long template,
            CurrentUser user,
            Locale locale,
            Model model) {
        TicketDetails ticket = tickets.get(id, user);
        model.addAttribute("ticket", ticket);
        model.addAttribute(
                "distributor",
                ticket.distributorId() == null
                        ? null
                        : distributors.byId(ticket.distributorId()).orElse(null));
        List<Assignee> assignees = tickets.assignees(id, user);
        model.addAttribute("assignees", assignees);
        model.addAttribute("canTakeIt", assignees.stream().anyMatch(a -> a.id() == user.id()));
        model.addAttribute("departments", organization.departments());
        model.addAttribute("desks", Desk.values());
        model.addAttribute("aids", templates.forTicket(id, locale.getLanguage(), user));
        model.addAttribute("topics", HrTopic.values());
        if (template != null) {
            try {
                model.addAttribute(
                        "replyText", templates.render(template, id, user).text());
                model.addAttribute("chosenTemplate", template);
            } catch (TicketNotFound e) {
                throw e;
            } catch (BackstopException e) {
                model.addAttribute("errorKey", e.code());
                model.addAttribute("errorArgs", e.arguments());
            }
        }
        return "workspace/ticket";
    }

    /** The composer's "insert": the reply template filled from this ticket, as plain text for the reply box (htmx). */
    @GetMapping(value = "/tickets/{id}/reply-template", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String replyTemplate(@PathVariable long id, @RequestParam long template, CurrentUser user) {
        return templates.render(template, id, user).text();
    }

    /** The ticket page's live stream: a {@code ticket} event after each change; 404 for a ticket the user may not see. */
    @GetMapping(path = "/tickets/{id}/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter ticketEvents(@PathVariable long id, CurrentUser user) {
        tickets.get(id, user);
        return ticketStream.subscribe(id);
    }

    @PostMapping("/tickets/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        String page = act(id, flash, () -> tickets.reply(id, body, version, user));
        if (flash.getFlashAttributes().containsKey("errorKey")) {
            flash.addFlashAttribute("replyText", body); // a refused reply stays in the box to be corrected
        }
        return page;
    }

    @PostMapping("/tickets/{id}/note")
    String note(
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(id, flash, () -> tickets.note(id, body, version, user));
    }

    @PostMapping("/tickets/{id}/call")
    String call(
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(id, flash, () -> tickets.logCall(id, body, version, user));
    }

    @PostMapping("/tickets/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) Long assigneeId,
            @RequestParam(defaultValue = "false") boolean toMe,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(id, flash, () -> tickets.assign(id, toMe ? Long.valueOf(user.id()) : assigneeId, version, user));
    }

    @PostMapping("/tickets/{id}/transfer")
    String transfer(
            @PathVariable long id,
            @RequestParam(required = false) Desk desk,
            @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer deadlineHours,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(
                id,
                flash,
                () -> tickets.transfer(id, new Transfer(desk, departmentId, reason, deadlineHours), version, user));
    }

    @PostMapping("/tickets/{id}/answer")
    String answer(
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(id, flash, () -> tickets.answerFromBackOffice(id, body, version, user));
    }

    @PostMapping("/tickets/{id}/callback")
    String callback(
            @PathVariable long id,
            @RequestParam(required = false) String outcome,
            @RequestParam int satisfaction,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(id, flash, () -> tickets.recordCallback(id, outcome, satisfaction, version, user));
    }

    @PostMapping("/tickets/{id}/state")
    String state(
            @PathVariable long id,
            @RequestParam TicketState state,
            @RequestParam(required = false) String comment,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(id, flash, () -> tickets.changeState(id, state, comment, version, user));
    }

    @PostMapping("/tickets/{id}/attachments")
    String attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(id, flash, () -> Pages.attach(tickets, id, file, user));
    }

    @GetMapping("/tickets/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(
            @PathVariable long id, @PathVariable long attachmentId, CurrentUser user) throws IOException {
        return AttachmentResponses.of(tickets.attachment(id, attachmentId, user));
    }

    private String act(long id, RedirectAttributes flash, Runnable action) {
        return Pages.act("/workspace/tickets/" + id, flash, action);
    }
}
