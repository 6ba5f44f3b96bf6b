package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.Article;
import dev.backstop.helpdesk.knowledge.ExpertEscalations;
import dev.backstop.helpdesk.knowledge.KnowledgeArticles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The expert desk for machines: escalate a question, capture a ticket's answer as a draft article. */
@RestController
@RequestMapping("/api/v1/kb")
@Tag(name = "knowledge-base")
class EscalationApi {

    /** Without {@code searches} / {@code articleIds} the caller's searches and reads of the last two hours go along. */
    record EscalationBody(
            String question,
            String skill,
            String priority,
            Long sourceTicketId,
            List<String> searches,
            List<Long> articleIds) {}

    private final ExpertEscalations escalations;
    private final KnowledgeArticles articles;

    EscalationApi(ExpertEscalations escalations, KnowledgeArticles articles) {
        this.escalations = escalations;
        this.articles = articles;
    }

    @PostMapping("/escalations")
    @Operation(
            summary = "Ask the expert desk: opens an EXPERT-desk ticket in the queue of the skill, with its SLA "
                    + "(front line, channel and HR agents, supervisors, admins)")
    ResponseEntity<ExpertEscalations.Escalation> escalate(@RequestBody EscalationBody body, CurrentUser user) {
        var escalation = escalations.escalate(
                new ExpertEscalations.Request(
                        body.question(),
                        body.skill(),
                        body.priority(),
                        body.sourceTicketId(),
                        body.searches(),
                        body.articleIds()),
                user);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + escalation.ticketId()))
                .body(escalation);
    }

    @PostMapping("/articles/from-ticket/{ticketId}")
    @Operation(
            summary =
                    "Capture a ticket's question and answers as a DRAFT article linked to it (ADMIN, EXPERT, KB_EDITOR)")
    ResponseEntity<Article> capture(@PathVariable long ticketId, CurrentUser user) {
        Article draft = articles.captureFromTicket(ticketId, user);
        return ResponseEntity.created(URI.create("/api/v1/kb/articles/" + draft.id()))
                .body(draft);
    }
}
