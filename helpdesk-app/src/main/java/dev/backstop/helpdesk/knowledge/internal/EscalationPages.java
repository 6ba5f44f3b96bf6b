package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.Article;
import dev.backstop.helpdesk.knowledge.ExpertEscalations;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The expert desk in the browser: the "ask an expert" form (from a search or a ticket), the knowledge panel on every
 * ticket page (its escalations: question, searches, articles read, answered or not; "capture as article"), and the
 * capture action that opens the new draft in the article editor.
 */
@Controller
class EscalationPages {

    private final ExpertEscalations escalations;
    private final ArticleService articles;
    private final TicketManagement tickets;

    EscalationPages(ExpertEscalations escalations, ArticleService articles, TicketManagement tickets) {
        this.escalations = escalations;
        this.articles = articles;
        this.tickets = tickets;
    }

    @GetMapping("/workspace/kb/escalations/new")
    String form(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long ticket,
            CurrentUser user,
            Model model) {
        return form(model, escalations.draft(user, q, ticket), null, Priority.NORMAL.name(), null);
    }

    @PostMapping("/workspace/kb/escalations")
    String escalate(
            @RequestParam(defaultValue = "") String question,
            @RequestParam(required = false) String skill,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) Long sourceTicketId,
            @RequestParam(required = false) List<String> searches,
            @RequestParam(required = false) List<Long> articleIds,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            // the form lists what was searched and read; whatever the rep unticked stays out
            var escalation = escalations.escalate(
                    new ExpertEscalations.Request(
                            question,
                            skill,
                            priority,
                            sourceTicketId,
                            searches == null ? List.of() : searches,
                            articleIds == null ? List.of() : articleIds),
                    user);
            redirect.addFlashAttribute("successKey", "knowledge.escalation.sent");
            return "redirect:/workspace/tickets/" + escalation.ticketId();
        } catch (TicketNotFound notFound) {
            throw notFound;
        } catch (BackstopException refused) {
            var draft = escalations.draft(user, question, sourceTicketId);
            draft = new ExpertEscalations.Draft(
                    question,
                    sourceTicketId,
                    draft.sourceTicketKey(),
                    draft.searches(),
                    draft.articles(),
                    draft.skills());
            return form(model, draft, skill, priority, refused);
        }
    }

    /** The knowledge panel of a ticket page (loaded by htmx, reloaded live). 404 for a ticket the user may not see. */
    @GetMapping("/workspace/kb/tickets/{ticketId}")
    String panel(@PathVariable long ticketId, CurrentUser user, Model model) {
        TicketDetails ticket = tickets.get(ticketId, user);
        model.addAttribute("ticket", ticket);
        model.addAttribute("escalations", escalations.ofTicket(ticketId, user));
        model.addAttribute("skills", skillsByCode(escalations));
        boolean editor = articles.mayEdit(user);
        model.addAttribute("captured", editor ? articles.capturedFrom(ticketId).orElse(null) : null);
        model.addAttribute("canCapture", editor && TicketCapture.capturable(ticket));
        return "knowledge/ticket-panel :: panel";
    }

    @PostMapping("/workspace/kb/editor/from-ticket/{ticketId}")
    String capture(@PathVariable long ticketId, CurrentUser user, RedirectAttributes redirect) {
        try {
            Article draft = articles.captureFromTicket(ticketId, user);
            redirect.addFlashAttribute("successKey", "knowledge.capture.done");
            return "redirect:/workspace/kb/editor/" + draft.id();
        } catch (TicketNotFound notFound) {
            throw notFound;
        } catch (BackstopException refused) {
            redirect.addFlashAttribute("errorKey", refused.code());
            redirect.addFlashAttribute("errorArgs", refused.arguments());
            return refused.code().equals("knowledge.error.alreadyCaptured")
                    ? "redirect:/workspace/kb/editor/" + refused.arguments()[0]
                    : "redirect:/workspace/tickets/" + ticketId;
        }
    }

    /** The expert queues by skill code, to show a skill by its queue's name. */
    static java.util.Map<String, dev.backstop.helpdesk.routing.QueueInfo> skillsByCode(ExpertEscalations escalations) {
        return escalations.skills().stream()
                .collect(java.util.stream.Collectors.toMap(
                        dev.backstop.helpdesk.routing.QueueInfo::skill, q -> q, (a, b) -> a));
    }

    private String form(
            Model model, ExpertEscalations.Draft draft, String skill, String priority, BackstopException refused) {
        model.addAttribute("draft", draft);
        model.addAttribute("skill", skill == null ? "" : skill.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute(
                "priority",
                priority == null ? Priority.NORMAL.name() : priority.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("priorities", Priority.values());
        if (refused != null) {
            model.addAttribute("errorKey", refused.code());
            model.addAttribute("errorArgs", refused.arguments());
        }
        return "knowledge/escalate";
    }
}
