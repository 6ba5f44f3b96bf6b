package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.FeedbackTopic;
import dev.backstop.helpdesk.hr.InvalidHrInput;
import dev.backstop.helpdesk.hr.internal.BranchFeedback;
import dev.backstop.helpdesk.hr.internal.FeedbackOversight;
import dev.backstop.helpdesk.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feedback about a branch: given by anyone (signed in or not) and followed by its private token; read and answered by
 * HR staff; counted by branch, topic and month for headquarters with small cells suppressed.
 */
@RestController
@Tag(name = "hr-feedback")
class FeedbackApi {

    private final BranchFeedback feedback;
    private final FeedbackOversight oversight;

    FeedbackApi(BranchFeedback feedback, FeedbackOversight oversight) {
        this.feedback = feedback;
        this.oversight = oversight;
    }

    /** {@code anonymous} defaults to true; without a login the feedback is anonymous whatever it says. */
    record NewFeedback(String branch, String topic, String text, Boolean anonymous) {}

    record Created(String token, boolean anonymous) {}

    record Text(String text) {}

    @PostMapping("/api/v1/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Give feedback about a branch (no login needed). Returns the private token once: keep it to follow"
                            + " the case and reply; only its hash is stored. Anonymous feedback stores nothing about the sender")
    Created submit(@RequestBody NewFeedback body, @Nullable CurrentUser user, HttpServletRequest request) {
        var submitted = feedback.submit(
                new BranchFeedback.Submission(
                        body.branch(), topic(body.topic()), body.text(), body.anonymous() == null || body.anonymous()),
                user,
                request.getRemoteAddr());
        return new Created(submitted.token(), submitted.anonymous());
    }

    @GetMapping("/api/v1/feedback/{token}")
    @Operation(
            summary = "The case behind a private token, with HR's answers and the submitter's replies (404 otherwise)")
    BranchFeedback.Case byToken(@PathVariable String token) {
        return feedback.byToken(token);
    }

    @PostMapping("/api/v1/feedback/{token}/replies")
    @Operation(summary = "The submitter replies on their case by its private token")
    BranchFeedback.Case reply(@PathVariable String token, @RequestBody Text body) {
        return feedback.replyByToken(token, body.text());
    }

    @GetMapping("/api/v1/hr/feedback")
    @Operation(summary = "HR staff: feedback cases, open first; q filters on text, branch and topic")
    List<BranchFeedback.Summary> list(@RequestParam(required = false) String q) {
        return feedback.list(q);
    }

    @GetMapping("/api/v1/hr/feedback/{id}")
    @Operation(summary = "HR staff: one feedback case with its conversation")
    BranchFeedback.Case get(@PathVariable long id) {
        return feedback.get(id);
    }

    @PostMapping("/api/v1/hr/feedback/{id}/replies")
    @Operation(summary = "HR staff: answer a feedback case (the submitter reads it by token)")
    BranchFeedback.Case answer(@PathVariable long id, @RequestBody Text body, CurrentUser user) {
        return feedback.answer(id, user, body.text());
    }

    @GetMapping("/api/v1/hr/feedback/oversight")
    @Operation(
            summary =
                    "Headquarters: feedback counts by branch × topic and branch × month over the last `months` months;"
                            + " a count of 1-4 reads \"<5\" and totals over such a cell count only the published ones (\"≥N\")")
    FeedbackOversight.Trends oversight(@RequestParam(defaultValue = "12") int months) {
        return oversight.trends(months);
    }

    static FeedbackTopic topic(String text) {
        try {
            return text == null ? null : FeedbackTopic.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidHrInput("hr.feedback.error.topicUnknown", text);
        }
    }
}
