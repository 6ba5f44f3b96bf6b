package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.ArticleInput;
import dev.backstop.helpdesk.knowledge.ArticleRefused;
import dev.backstop.helpdesk.knowledge.ArticleState;
import dev.backstop.helpdesk.knowledge.Audience;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketState;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a ticket into a draft article: the question (the escalation's, else the ticket's subject and description) and
 * the answers from the timeline (public replies and back-office answers by the staff who worked it, not the rep who
 * asked), under headings in the article's language.
 */
@Component
class TicketCapture {

    private final TicketManagement tickets;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;

    TicketCapture(TicketManagement tickets, JdbcTemplate jdbc, MessageSource messages) {
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Whether a ticket can be captured at all: an expert-desk ticket, or any resolved one, never a confidential case. */
    static boolean capturable(TicketDetails ticket) {
        return !ticket.confidential()
                && (ticket.desk() == Desk.EXPERT
                        || ticket.state() == TicketState.RESOLVED
                        || ticket.state() == TicketState.CLOSED);
    }

    ArticleInput draftFrom(long ticketId, CurrentUser by) {
        TicketDetails ticket = tickets.get(ticketId, by);
        if (ticket.confidential()) {
            throw new ArticleRefused(409, "knowledge.error.captureConfidential", ticket.key());
        }
        if (!capturable(ticket)) {
            throw new ArticleRefused(409, "knowledge.error.notCapturable", ticket.key());
        }
        List<Escalated> escalation = jdbc.query(
                "select question, rep_id, skill from kb_escalations where ticket_id = ?",
                (rs, n) -> new Escalated(rs.getString(1), rs.getLong(2), rs.getString(3)),
                ticketId);
        Escalated asked = escalation.isEmpty() ? null : escalation.getFirst();
        String question = asked != null
                ? asked.question()
                : ticket.description() == null || ticket.description().isBlank()
                        ? ticket.subject()
                        : ticket.subject() + "\n\n" + ticket.description().strip();
        String title = asked != null
                ? EscalationService.subject(asked.question())
                : ticket.subject().strip();
        if (title.length() > ArticleService.MAX_TITLE) {
            title = title.substring(0, ArticleService.MAX_TITLE - 1) + "…";
        }
        List<String> answers = ticket.timeline().stream()
                .filter(e -> e.kind() == ArticleKind.PUBLIC_REPLY || e.kind() == ArticleKind.BACK_OFFICE_ANSWER)
                .filter(e -> !e.fromRequester() && e.body() != null && !e.body().isBlank())
                .filter(e -> asked == null || e.authorId() == null || e.authorId() != asked.repId())
                .map(e -> e.body().strip())
                .toList();
        String language = hasChinese(title + question) ? "zh" : "en";
        Locale locale = language.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        StringBuilder body = new StringBuilder();
        body.append("## ")
                .append(message("knowledge.capture.question", locale))
                .append("\n\n")
                .append(question.strip())
                .append("\n\n## ")
                .append(message("knowledge.capture.answer", locale))
                .append("\n\n");
        answers.forEach(answer -> body.append(answer).append("\n\n"));
        body.append("---\n\n")
                .append(message("knowledge.capture.source", locale, ticket.key()))
                .append('\n');
        String category = asked == null || asked.skill() == null
                ? "general"
                : asked.skill().toLowerCase(Locale.ROOT);
        Audience audience = ticket.desk() == Desk.HR ? Audience.HR_INTERNAL : Audience.FRONTLINE;
        List<String> tags = ticket.tags().stream()
                .map(String::strip)
                .filter(tag -> !tag.isEmpty() && tag.length() <= ArticleService.MAX_TAG && !tag.contains(","))
                .limit(ArticleService.MAX_TAGS)
                .toList();
        return new ArticleInput(
                title,
                body.toString(),
                language,
                audience,
                category,
                ticket.desk().name(),
                tags,
                ArticleState.DRAFT,
                null);
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private record Escalated(String question, long repId, String skill) {}
}
