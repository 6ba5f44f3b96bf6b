package dev.backstop.helpdesk.portal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.AttachmentResponses;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketFilter;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketType;
import dev.backstop.helpdesk.workspace.Pages;
import dev.backstop.helpdesk.workspace.TicketForm;
import dev.backstop.helpdesk.workspace.TicketStream;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Self-service for distributors, employees and families: their own tickets only (scoped by TicketManagement). */
@Controller
@RequestMapping("/portal")
class PortalController {

    private final TicketManagement tickets;
    private final TicketStream stream;

    PortalController(TicketManagement tickets, TicketStream stream) {
        this.tickets = tickets;
        this.stream = stream;
    }

    @GetMapping({"", "/tickets"})
    String home(@RequestParam(defaultValue = "0") int page, CurrentUser user, Model model) {
        model.addAttribute(
                "page",
                tickets.list(new TicketFilter(null, null, null, false, null, null, null, false, page, 25), user));
        return "portal/home";
    }

    @GetMapping("/tickets/new")
    String newTicket(CurrentUser user, Model model) {
        TicketForm form = new TicketForm();
        form.setType(TicketType.INQUIRY);
        if (!user.has(Role.DISTRIBUTOR)) {
            form.setTopic(HrTopic.OTHER); // nobody's question lands in the payroll queue by an untouched default
        }
        return form(form, user, model);
    }

    /**
     * The form as the portal binds it: desk and channel follow from who the user is, so they are set before
     * binding and validation (the page has no fields for them) and set again afterwards, whatever was posted.
     */
    @ModelAttribute("form")
    TicketForm form(CurrentUser user) {
        TicketForm form = new TicketForm();
        form.setDesk(desk(user));
        form.setChannel(Channel.PORTAL);
        return form;
    }

    @PostMapping("/tickets/new")
    String create(@Valid @ModelAttribute("form") TicketForm form, BindingResult errors, CurrentUser user, Model model) {
        form.setDesk(desk(user));
        form.setChannel(Channel.PORTAL);
        form.setConfidential(false);
        if (!types(user).contains(form.getType())) {
            errors.rejectValue("type", "NotNull");
        }
        if (form.getTopic() != null && !topics(user).contains(form.getTopic())) {
            errors.rejectValue("topic", "NotNull");
        }
        if (errors.hasErrors()) {
            return form(form, user, model);
        }
        try {
            TicketDetails created = tickets.open(form.toCommand(), user);
            return "redirect:/portal/tickets/" + created.id();
        } catch (BackstopException e) {
            model.addAttribute("errorKey", e.code());
            model.addAttribute("errorArgs", e.arguments());
            return form(form, user, model);
        }
    }

    private String form(TicketForm form, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("types", types(user));
        model.addAttribute("topics", topics(user));
        return "portal/new";
    }

    @GetMapping("/tickets/{id}")
    String view(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("ticket", tickets.get(id, user));
        return "portal/ticket";
    }

    /**
     * The ticket page's live stream, the workspace's own: a {@code ticket} event after each change (on any node); 404
     * for a ticket the portal user may not see.
     */
    @GetMapping(path = "/tickets/{id}/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events(@PathVariable long id, CurrentUser user) {
        tickets.get(id, user);
        return stream.subscribe(id);
    }

    @PostMapping("/tickets/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return Pages.act("/portal/tickets/" + id, flash, () -> tickets.reply(id, body, version, user));
    }

    @PostMapping("/tickets/{id}/attachments")
    String attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            CurrentUser user,
            RedirectAttributes flash) {
        return Pages.act("/portal/tickets/" + id, flash, () -> Pages.attach(tickets, id, file, user));
    }

    @GetMapping("/tickets/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(
            @PathVariable long id, @PathVariable long attachmentId, CurrentUser user) throws IOException {
        return AttachmentResponses.of(tickets.attachment(id, attachmentId, user));
    }

    private static Desk desk(CurrentUser user) {
        return user.has(Role.DISTRIBUTOR) ? Desk.CHANNEL : Desk.HR;
    }

    /** Issue 15 hr-topics: what an employee may ask HR about; a family member: policy questions and hardship. */
    private static List<HrTopic> topics(CurrentUser user) {
        if (user.has(Role.DISTRIBUTOR)) {
            return List.of();
        }
        return user.has(Role.EMPLOYEE) ? List.of(HrTopic.values()) : HrTopic.FOR_FAMILY;
    }

    private static List<TicketType> types(CurrentUser user) {
        if (user.has(Role.DISTRIBUTOR)) {
            return List.of(
                    TicketType.INQUIRY, TicketType.SERVICE_REQUEST, TicketType.COMPLAINT, TicketType.FAULT_REPORT);
        }
        if (user.has(Role.EMPLOYEE)) {
            return List.of(TicketType.INQUIRY, TicketType.SERVICE_REQUEST, TicketType.COMPLAINT, TicketType.FEEDBACK);
        }
        return List.of(TicketType.INQUIRY, TicketType.HARDSHIP, TicketType.FEEDBACK);
    }
}
