package dev.backstop.helpdesk.workspace;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketType;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Opening a ticket for a caller: the form, the caller look-up beside it ({@link CallerLookup}), and "new ticket for
 * this caller" from the distributor view (the screen pop), which arrives with the caller's number or code.
 */
@Controller
@RequestMapping("/workspace")
class NewTicketPages {

    private final TicketManagement tickets;
    private final TicketRouting routing;
    private final CallerLookup callers;

    NewTicketPages(TicketManagement tickets, TicketRouting routing, CallerLookup callers) {
        this.tickets = tickets;
        this.routing = routing;
        this.callers = callers;
    }

    /**
     * {@code desk} and {@code subject}: "ask an expert" from a search that found nothing; {@code caller}: a number,
     * distributor code or employee number whose one match is linked at once.
     */
    @GetMapping("/tickets/new")
    String newTicket(
            @RequestParam(required = false) Desk desk,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String caller,
            CurrentUser user,
            Model model) {
        TicketForm form = new TicketForm();
        form.setDesk(desk != null && tickets.desksToOpen(user).contains(desk) ? desk : Pages.ownDesk(tickets, user));
        if (subject != null && !subject.isBlank()) {
            form.setSubject(subject.length() > 300 ? subject.substring(0, 300) : subject);
        }
        if (caller != null && !caller.isBlank()) {
            List<CallerLookup.Caller> found = callers.find(form.getDesk(), caller, user);
            if (found.size() == 1) {
                form.link(found.getFirst());
            } else {
                model.addAttribute("callerQuery", caller.strip());
            }
        }
        return form(form, user, model);
    }

    @PostMapping("/tickets/new")
    String create(@Valid @ModelAttribute("form") TicketForm form, BindingResult errors, CurrentUser user, Model model) {
        if (errors.hasErrors()) {
            return form(form, user, model);
        }
        if (!form.isLinked() && form.getRequesterPhone() != null) {
            // the agent typed the number without picking: one person with exactly that number is the caller
            callers.byPhone(form.getDesk(), form.getRequesterPhone(), user).ifPresent(form::link);
        }
        try {
            TicketDetails created = tickets.open(form.toCommand(), user);
            return "redirect:/workspace/tickets/" + created.id();
        } catch (BackstopException e) {
            model.addAttribute("errorKey", e.code());
            model.addAttribute("errorArgs", e.arguments());
            return form(form, user, model);
        }
    }

    /** The look-up beside the form (htmx): callers matching the text at the form's desk. */
    @GetMapping("/callers")
    String callers(
            @RequestParam(required = false) Desk desk,
            @RequestParam(name = "q", required = false) String text,
            CurrentUser user,
            Model model) {
        String query = text == null ? "" : text.strip();
        model.addAttribute("query", query);
        model.addAttribute("callers", query.length() < 2 ? List.of() : callers.find(desk, query, user));
        return "workspace/new :: callers";
    }

    private String form(TicketForm form, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("desks", tickets.desksToOpen(user));
        model.addAttribute(
                "queues",
                routing.queues().stream().filter(q -> q.skill() != null).toList());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("topics", HrTopic.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", Priority.values());
        return "workspace/new";
    }
}
