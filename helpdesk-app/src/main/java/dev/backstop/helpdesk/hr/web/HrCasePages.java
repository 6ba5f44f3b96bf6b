package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.internal.CallerVerification;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Issue 15 hr-cases: the HR lead's confidential-case form and the caller verification form on the HR ticket page. */
@Controller
@RequestMapping("/workspace/hr/tickets/{ticketId}")
class HrCasePages {

    private final TicketManagement tickets;
    private final CallerVerification verification;

    HrCasePages(TicketManagement tickets, CallerVerification verification) {
        this.tickets = tickets;
        this.verification = verification;
    }

    @PostMapping("/verification")
    String verify(
            @PathVariable long ticketId,
            @RequestParam(required = false) String employeeNo,
            @RequestParam(required = false) CallerVerification.Factor factor,
            @RequestParam(required = false) String answer,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            CallerVerification.Status status = verification.verify(ticketId, employeeNo, factor, answer, user);
            if (status.verified()) {
                flash.addFlashAttribute("successKey", "hr.verification.verified");
                flash.addFlashAttribute("successArgs", List.of(status.employeeNo()));
            } else {
                flash.addFlashAttribute("errorKey", "hr.verification.failed");
                flash.addFlashAttribute("errorArgs", List.of(status.employeeNo(), status.attemptsLeft()));
            }
        } catch (TicketNotFound | HrRecordNotFound e) {
            throw e;
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/workspace/tickets/" + ticketId;
    }

    @PostMapping("/confidential-case")
    String confidentialCase(
            @PathVariable long ticketId,
            @RequestParam boolean confidentialCase,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(
                ticketId, flash, () -> tickets.markConfidentialCase(ticketId, confidentialCase, reason, version, user));
    }

    /** Runs the action; a refusal becomes a localized message on the ticket page (404 stays 404). */
    static String act(long ticketId, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("successKey", "workspace.saved");
        } catch (TicketNotFound e) {
            throw e;
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/workspace/tickets/" + ticketId;
    }
}
