package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.FeedbackTopic;
import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.internal.BranchFeedback;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Feedback about a branch in the browser: the public form ({@code /feedback}, no login, always anonymous, with a
 * honeypot field), the portal form for employees and family members ({@code /portal/feedback}, anonymity chosen,
 * anonymous by default), and following a case by its token ({@code /feedback/follow}). The token is shown once on the
 * page that answers the form and travels only in form posts afterwards — never in a URL, where history and referrers
 * would keep it.
 */
@Controller
class FeedbackPages {

    /** A field people never see: a bot that fills it gets a page that looks like success, and nothing is stored. */
    static final String HONEYPOT = "website";

    private final BranchFeedback feedback;

    FeedbackPages(BranchFeedback feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/feedback")
    String publicForm(Model model) {
        return form(model, true);
    }

    @PostMapping("/feedback")
    String publicSubmit(
            @RequestParam(defaultValue = "") String branch,
            @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = HONEYPOT, defaultValue = "") String honeypot,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!honeypot.isEmpty()) {
            model.addAttribute("token", BranchFeedback.decoyToken());
            model.addAttribute("anonymous", true);
            return "hr/feedback-sent";
        }
        return submit(branch, topic, text, true, null, request, response, model, true);
    }

    @GetMapping("/portal/feedback")
    String portalForm(Model model) {
        return form(model, false);
    }

    @PostMapping("/portal/feedback")
    String portalSubmit(
            @RequestParam(defaultValue = "") String branch,
            @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean anonymous,
            CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return submit(branch, topic, text, anonymous, user, request, response, model, false);
    }

    @GetMapping("/feedback/follow")
    String followForm() {
        return "hr/feedback-follow";
    }

    @PostMapping("/feedback/follow")
    String follow(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("feedback", feedback.byToken(token.strip()));
        return "hr/feedback-case";
    }

    @PostMapping("/feedback/follow/reply")
    String reply(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String text,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("feedback", feedback.replyByToken(token.strip(), text));
            model.addAttribute("successKey", "hr.feedback.replied");
        } catch (HrRecordNotFound e) {
            throw e;
        } catch (BackstopException e) {
            response.setStatus(e.status());
            model.addAttribute("errorKey", e.code());
            model.addAttribute("errorArgs", e.arguments());
            model.addAttribute("feedback", feedback.byToken(token.strip()));
        }
        return "hr/feedback-case";
    }

    private String submit(
            String branch,
            String topic,
            String text,
            boolean anonymous,
            CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            boolean publicForm) {
        try {
            var submitted = feedback.submit(
                    new BranchFeedback.Submission(
                            branch, topic.isBlank() ? null : FeedbackApi.topic(topic), text, anonymous),
                    user,
                    request.getRemoteAddr());
            model.addAttribute("token", submitted.token());
            model.addAttribute("anonymous", submitted.anonymous());
            return "hr/feedback-sent";
        } catch (BackstopException e) {
            response.setStatus(e.status());
            model.addAttribute("errorKey", e.code());
            model.addAttribute("errorArgs", e.arguments());
            model.addAttribute("branch", branch);
            model.addAttribute("topic", topic);
            model.addAttribute("text", text);
            return form(model, publicForm);
        }
    }

    private String form(Model model, boolean publicForm) {
        model.addAttribute("publicForm", publicForm);
        model.addAttribute("branches", feedback.branches());
        model.addAttribute("topics", FeedbackTopic.values());
        return "hr/feedback-form";
    }
}
