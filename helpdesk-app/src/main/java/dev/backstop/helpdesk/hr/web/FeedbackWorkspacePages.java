package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.internal.BranchFeedback;
import dev.backstop.helpdesk.hr.internal.FeedbackOversight;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** HR staff read and answer feedback about branches; headquarters (admins, supervisors) see the suppressed trends. */
@Controller
class FeedbackWorkspacePages {

    private final BranchFeedback feedback;
    private final FeedbackOversight oversight;

    FeedbackWorkspacePages(BranchFeedback feedback, FeedbackOversight oversight) {
        this.feedback = feedback;
        this.oversight = oversight;
    }

    @GetMapping("/workspace/hr/feedback")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("cases", feedback.list(q));
        return "hr/feedback-list";
    }

    @GetMapping("/workspace/hr/feedback/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("feedback", feedback.get(id));
        return "hr/feedback-staff";
    }

    @PostMapping("/workspace/hr/feedback/{id}/replies")
    String answer(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            feedback.answer(id, user, text);
            flash.addFlashAttribute("successKey", "hr.feedback.answered");
        } catch (BackstopException e) {
            if (e.status() == 404) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/workspace/hr/feedback/" + id;
    }

    @GetMapping("/workspace/hr/oversight")
    String oversight(@RequestParam(defaultValue = "12") int months, Model model) {
        model.addAttribute("trends", oversight.trends(months));
        model.addAttribute("months", months);
        return "hr/oversight";
    }
}
